package org.releasegate.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as people read them: in the product's zone, with UTC beside it. */
public final class Times {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH);

    private Times() {
    }

    /** {@code Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC)}. */
    public static String format(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone)) + " (" + UTC.format(instant.atOffset(ZoneOffset.UTC)) + ")";
    }

    /** {@code Mon 2026-11-30 08:00 EST}. */
    public static String local(Instant instant, ZoneId zone) {
        return LOCAL.format(instant.atZone(zone));
    }

    /** {@code 3d 4h}, {@code 5h 12m}, {@code 40m}. */
    public static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        return hours > 0 ? hours + "h " + mins + "m" : mins + "m";
    }
}
