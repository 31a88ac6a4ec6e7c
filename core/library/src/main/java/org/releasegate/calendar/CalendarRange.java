package org.releasegate.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;
import org.releasegate.policy.PolicyException;

/**
 * The days a calendar covers, {@code from} to {@code to}, both inclusive, at most {@link #MAX_YEARS} years: enough to
 * plan, small enough that a calendar application loads it.
 */
public record CalendarRange(LocalDate from, LocalDate to) {
    public static final int MAX_YEARS = 5;

    /** @throws PolicyException naming both dates and the fix */
    public CalendarRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new PolicyException("The calendar ends " + to + " before it starts " + from
                    + ": give a --to on or after --from");
        }
        if (to.isAfter(from.plus(Period.ofYears(MAX_YEARS)))) {
            throw new PolicyException("The calendar from " + from + " to " + to + " covers more than " + MAX_YEARS
                    + " years: ask for at most " + MAX_YEARS + " years at a time (to " + from.plusYears(MAX_YEARS)
                    + " at the latest)");
        }
    }

    /** The first instant of the range in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The instant after the range in {@code zone}: the start of the day after {@code to}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
