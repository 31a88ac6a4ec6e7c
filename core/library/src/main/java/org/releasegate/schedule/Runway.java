package org.releasegate.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a production release needs production to stay open after it starts: {@code 30m}, {@code 1h},
 * {@code 1h30m}, or {@code 0} for none. A release may start at {@code t} only if production is open from {@code t} to
 * {@code t + runway}.
 */
public final class Runway {
    /** A runway longer than a day could fit only a policy open around the clock: surely a typo. */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,4})h)?\\s*(?:(\\d{1,5})m)?");
    private static final String EXPECTED = "hours and minutes such as 30m, 1h or 1h30m (0 for none)";

    private Runway() {
    }

    /**
     * Reads a runway. Also takes ISO-8601 ({@code PT30M}), as the command line's JSON writes it.
     *
     * @throws SpecException quoting the input, with what was expected and the fix
     */
    public static Duration parse(String text) {
        return parse(text, "runway");
    }

    /**
     * As {@link #parse(String)}, naming the value read in messages, such as {@code "expected duration"}.
     *
     * @throws SpecException quoting the input, with what was expected and the fix
     */
    public static Duration parse(String text, String what) {
        String input = text == null ? "" : text;
        String t = input.trim().toLowerCase(Locale.ROOT);
        Duration runway;
        if (t.startsWith("-")) {
            throw new SpecException('"' + input + "\": " + article(what) + " cannot be negative; write 0 for none or a "
                    + "duration such as 30m", input, input.indexOf('-'));
        }
        if (t.equals("0")) {
            runway = Duration.ZERO;
        } else if (t.startsWith("pt")) {
            try {
                runway = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw bad(input, what);
            }
        } else {
            Matcher m = FORM.matcher(t);
            if (t.isEmpty() || !m.matches()) {
                throw bad(input, what);
            }
            runway = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        }
        if (runway.isNegative()) {
            throw new SpecException('"' + input + "\": " + article(what) + " cannot be negative; write 0 for none or a "
                    + "duration such as 30m", input, 0);
        }
        if (runway.compareTo(MAX) > 0) {
            throw new SpecException('"' + input + "\": " + article(what) + " is at most 24h; a release that needs "
                    + "longer should not go through a production window", input, 0);
        }
        return runway;
    }

    private static String article(String what) {
        return (what.matches("[aeiou].*") ? "an " : "a ") + what;
    }

    private static SpecException bad(String input, String what) {
        return new SpecException("Cannot read the " + what + " \"" + input + "\": write " + EXPECTED, input, 0);
    }

    /** The form {@link #parse} reads: {@code 0}, {@code 45m}, {@code 2h}, {@code 1h30m} (seconds are dropped). */
    public static String format(Duration runway) {
        long minutes = runway.toMinutes();
        if (minutes <= 0) {
            return "0";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return (hours > 0 ? hours + "h" : "") + (rest > 0 ? rest + "m" : "");
    }

    /**
     * In words for the console, whole minutes rounded up (a 20-second estimate needs a minute):
     * {@code 1 minute}, {@code 30 minutes}, {@code 1 hour 30 minutes}.
     */
    public static String words(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return plural(rest, "minute");
        }
        return plural(hours, "hour") + (rest > 0 ? " " + plural(rest, "minute") : "");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The longer of the two: a build's own estimate may lengthen the product's runway, never shorten it. */
    public static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
