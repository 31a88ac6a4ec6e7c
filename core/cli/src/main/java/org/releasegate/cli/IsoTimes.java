package org.releasegate.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Instants as the JSON output writes them: ISO-8601 date-times with the offset they have in the product's zone
 * ({@code 2026-11-30T08:00:00-05:00}), so a reader sees the local time and can still compare instants.
 */
final class IsoTimes {
    private IsoTimes() {
    }

    static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** Null when absent, which JSON writes as null. */
    static String format(Optional<Instant> instant, ZoneId zone) {
        return instant.map(i -> format(i, zone)).orElse(null);
    }
}
