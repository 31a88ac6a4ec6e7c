package org.releasegate.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A dated blackout with a reason: {@code 2026-12-21..2027-01-04 Holiday freeze}, or one day ({@code 2026-11-26
 * Thanksgiving}). Whole local days in the policy's zone, both ends inclusive.
 */
public final class Freeze {
    private static final String DATES = "a date range YYYY-MM-DD..YYYY-MM-DD (or one YYYY-MM-DD) and a reason";

    private final LocalDate first;
    private final LocalDate last;
    private final String reason;

    public Freeze(LocalDate first, LocalDate last, String reason) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("freeze ends " + last + " before it starts " + first);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a freeze needs a reason");
        }
        this.first = first;
        this.last = last;
        this.reason = reason.trim();
    }

    /** @throws SpecException quoting the input, with the column and what was expected */
    public static Freeze parse(String text) {
        String input = text == null ? "" : text;
        int pos = 0;
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
        LocalDate first = date(input, pos);
        pos += 10;
        LocalDate last = first;
        if (input.startsWith("..", pos)) {
            pos += 2;
            last = date(input, pos);
            if (last.isBefore(first)) {
                throw new SpecException('"' + input + "\": the freeze ends " + last + " before it starts " + first
                        + " (column " + (pos + 1) + ")", input, pos);
            }
            pos += 10;
        }
        if (pos >= input.length() || !Character.isWhitespace(input.charAt(pos))
                || input.substring(pos).isBlank()) {
            throw SpecException.expected("a space and the reason for the freeze", input, pos);
        }
        return new Freeze(first, last, input.substring(pos).trim());
    }

    private static LocalDate date(String input, int pos) {
        if (pos + 10 > input.length()) {
            throw SpecException.expected(DATES, input, pos);
        }
        try {
            return LocalDate.parse(input.substring(pos, pos + 10));
        } catch (DateTimeParseException e) { // the message names where the date starts
            throw SpecException.expected(DATES, input, pos);
        }
    }

    public LocalDate getFirst() {
        return first;
    }

    public LocalDate getLast() {
        return last;
    }

    public String getReason() {
        return reason;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }

    /** The text it reads back from. */
    @Override
    public String toString() {
        return (first.equals(last) ? first.toString() : first + ".." + last) + " " + reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Freeze f && first.equals(f.first) && last.equals(f.last) && reason.equals(f.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, last, reason);
    }
}
