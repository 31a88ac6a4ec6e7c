package org.releasegate.schedule;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Reads one window, {@code DAYS HH:MM-HH:MM [ZONE]}, keeping the column of every part for error messages. */
final class WindowSpecParser {
    private static final String DAY_NAMES = "a day name (Mon, Tue, Wed, Thu, Fri, Sat or Sun)";

    private final String input;
    private final ZoneId defaultZone;
    private int pos;

    WindowSpecParser(String input, ZoneId defaultZone) {
        this.input = input == null ? "" : input;
        this.defaultZone = defaultZone;
    }

    ProductionWindow window() {
        skipSpaces();
        int daysStart = pos;
        Set<DayOfWeek> days = days();
        String daysText = canonicalDays(input.substring(daysStart, pos));
        requireSpace("a space and then HH:MM-HH:MM");
        int startAt = pos;
        int start = time(false);
        expect('-', "'-' between the start and end times");
        int end = time(true);
        if (start == end) {
            throw new SpecException('"' + input + "\": the window opens and closes at " + ProductionWindow.clock(start)
                    + " (column " + (startAt + 1) + "); write 00:00-24:00 for a whole day", input, startAt);
        }
        ZoneId zone = defaultZone;
        if (pos < input.length()) {
            requireSpace("a space and then a time zone");
            int zoneAt = pos;
            String zoneText = input.substring(pos).trim();
            if (zoneText.contains(" ")) {
                throw SpecException.expected("one time zone id (such as America/New_York)", input, zoneAt);
            }
            try {
                zone = TimeZones.parse(zoneText);
            } catch (SpecException e) {
                throw new SpecException('"' + input + "\": " + e.getMessage() + " (column " + (zoneAt + 1) + ")",
                        input, zoneAt);
            }
            pos = input.length();
        }
        return new ProductionWindow(days, daysText, start, end, zone);
    }

    private Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        do {
            DayOfWeek first = day();
            DayOfWeek last = first;
            if (peek() == '-') {
                pos++;
                last = day();
            }
            // Fri-Mon wraps over the weekend.
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        } while (consume(','));
        return days;
    }

    private DayOfWeek day() {
        int at = pos;
        if (pos + 3 > input.length()) {
            throw SpecException.expected(DAY_NAMES, input, at);
        }
        String name = input.substring(pos, pos + 3).toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (ProductionWindow.dayName(d).toLowerCase(Locale.ROOT).equals(name)) {
                pos += 3;
                if (pos < input.length() && Character.isLetter(input.charAt(pos))) {
                    throw SpecException.expected(DAY_NAMES + " of three letters", input, at);
                }
                return d;
            }
        }
        throw SpecException.expected(DAY_NAMES, input, at);
    }

    /** HH:MM in minutes after midnight; as an end, 24:00 and 00:00 are both midnight (1440). */
    private int time(boolean end) {
        int at = pos;
        if (pos + 5 > input.length() || !digit(pos) || !digit(pos + 1) || input.charAt(pos + 2) != ':'
                || !digit(pos + 3) || !digit(pos + 4) || (pos + 5 < input.length() && digit(pos + 5))) {
            throw SpecException.expected("HH:MM", input, at);
        }
        int hours = Integer.parseInt(input.substring(pos, pos + 2));
        int minutes = Integer.parseInt(input.substring(pos + 3, pos + 5));
        pos += 5;
        if (end && hours == 24 && minutes == 0) {
            return ProductionWindow.MINUTES_PER_DAY;
        }
        if (hours > 23 || minutes > 59) {
            throw SpecException.expected("a time from 00:00 to 23:59" + (end ? " (or 24:00 as an end)" : ""), input, at);
        }
        int minute = hours * 60 + minutes;
        // An end of 00:00 is midnight, the same as 24:00.
        return end && minute == 0 ? ProductionWindow.MINUTES_PER_DAY : minute;
    }

    private static String canonicalDays(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetter(text.charAt(i - 1));
            out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private void requireSpace(String what) {
        if (pos >= input.length() || !Character.isWhitespace(input.charAt(pos))) {
            throw SpecException.expected(what, input, pos);
        }
        skipSpaces();
    }

    private void expect(char c, String what) {
        if (!consume(c)) {
            throw SpecException.expected(what, input, pos);
        }
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }

    private boolean digit(int i) {
        char c = input.charAt(i);
        return c >= '0' && c <= '9';
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }
}
