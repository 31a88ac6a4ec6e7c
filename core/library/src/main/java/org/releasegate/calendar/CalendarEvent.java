package org.releasegate.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** One event of a release calendar, as an iCalendar writer needs it: plain data, no library type. */
public sealed interface CalendarEvent {
    /** Stays the same for the same stretch, freeze or hold, so that re-importing updates instead of duplicating. */
    String uid();

    String summary();

    String description();

    /**
     * A stretch of time, written with its zone (a VTIMEZONE for each zone used).
     *
     * @param start first instant
     * @param end instant after the last one
     * @param zone the zone its times are written in: the product's
     */
    record Timed(String uid, String summary, String description, Instant start, Instant end, ZoneId zone)
            implements CalendarEvent {
        public Timed {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("an event ends after it starts: " + start + " " + end);
            }
            Objects.requireNonNull(zone, "zone");
        }
    }

    /**
     * Whole days, both ends inclusive (written with an exclusive DTEND the day after {@code last}).
     *
     * @param first first day
     * @param last last day
     */
    record AllDay(String uid, String summary, String description, LocalDate first, LocalDate last)
            implements CalendarEvent {
        public AllDay {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("an event ends " + last + " before it starts " + first);
            }
        }
    }
}
