package org.releasegate.hold;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.releasegate.message.Times;
import org.releasegate.policy.MaxAge;

/**
 * When a hold lifts by itself, as a person types it: nothing (never), a time from now in core's age form ({@code 4h},
 * {@code 2d}, {@code 1d12h}), or a date and time: {@code 2026-12-01T17:00} on the product's wall clock, or with an
 * offset or {@code Z} ({@code 2026-12-01T22:00:00Z}).
 */
public final class HoldExpiry {
    private static final Pattern FROM_NOW = Pattern.compile("\\s*\\d+\\s*[dDhH].*");

    private HoldExpiry() {
    }

    /**
     * @param zone the zone a date and time without an offset is read in: the product's
     * @throws IllegalArgumentException quoting the input, with the forms understood, or when the expiry is not after
     *     {@code now}
     */
    public static Optional<Instant> parse(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        Instant expiry = FROM_NOW.matcher(t).matches() ? fromNow(t, now, zone) : dateTime(t, zone);
        if (!expiry.isAfter(now)) {
            throw new IllegalArgumentException("The expiry \"" + t + "\" is " + Times.format(expiry, zone)
                    + ", not after now (" + Times.format(now, zone) + "): give a time in the future, or none for a hold "
                    + "that stands until lifted.");
        }
        return Optional.of(expiry);
    }

    private static Instant fromNow(String t, Instant now, ZoneId zone) {
        try {
            return now.plus(MaxAge.parse(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(unreadable(t, zone), e);
        }
    }

    private static Instant dateTime(String t, ZoneId zone) {
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(unreadable(t, zone), e);
            }
        }
    }

    private static String unreadable(String t, ZoneId zone) {
        return "Cannot read the expiry \"" + t + "\": write a time from now (4h, 2d, 1d12h) or a date and time "
                + "(2026-12-01T17:00, read in " + zone.getId() + ", or 2026-12-01T22:00:00Z).";
    }
}
