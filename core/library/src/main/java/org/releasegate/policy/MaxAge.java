package org.releasegate.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes ages such as {@code 7d}, {@code 36h} or {@code 1d12h}, the form an admin types. */
public final class MaxAge {
    private static final Pattern FORM = Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?");

    private MaxAge() {
    }

    /** @throws PolicyException naming the input and the form expected */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new PolicyException("Cannot read the age \"" + text + "\": write days and hours such as 7d, 36h or 1d12h");
        }
        Duration age;
        try {
            age = Duration.ofDays(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusHours(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        } catch (NumberFormatException | ArithmeticException e) {
            // Digits beyond a long, or days beyond a Duration: refused by name, not as an error page or a bare
            // "Failed to set attribute" from Configuration as Code.
            throw new PolicyException("The age \"" + text + "\" is too long: write days and hours such as 7d, 36h or "
                    + "1d12h", e);
        }
        if (age.isZero()) {
            throw new PolicyException("The age \"" + text + "\" is zero: an RC would be stale at once; use at least 1h");
        }
        return age;
    }

    public static String format(Duration age) {
        long days = age.toDays();
        long hours = age.minusDays(days).toHours();
        return (days > 0 ? days + "d" : "") + (hours > 0 || days == 0 ? hours + "h" : "");
    }
}
