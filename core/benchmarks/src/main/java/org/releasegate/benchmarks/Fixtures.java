package org.releasegate.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Schedule;
import org.releasegate.schedule.WindowSpec;

/** The policies and instants the benchmarks run on. All fixed, so two runs time the same work. */
final class Fixtures {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Ten windows: mixed days, three crossing midnight, six in other zones (one with a half-hour offset). */
    static final String BUSY_WINDOWS = String.join("; ",
            "Mon-Thu 08:00-16:00 America/New_York",
            "Fri 08:00-12:00 America/New_York",
            "Tue,Thu 22:00-02:00 America/New_York",
            "Mon-Fri 09:00-11:00 Europe/Berlin",
            "Wed 23:00-01:00 Europe/Berlin",
            "Mon-Fri 10:00-12:00 Asia/Tokyo",
            "Sat 10:00-14:00 Asia/Tokyo",
            "Sun 20:00-23:30 America/Chicago",
            "Mon,Wed,Fri 13:00-15:00 Europe/London",
            "Mon-Thu 16:00-18:00 Asia/Kolkata");

    /** Instants as New York wall-clock times, all on whole minutes so the minute-by-minute search is exact. */
    static final String IN_WINDOW = "in-window";
    static final String LATE_NIGHT = "late-night";
    static final String FRIDAY_EVENING = "friday-evening";
    static final String BEFORE_SPRING_DST = "before-spring-dst";
    static final String BEFORE_FALL_DST = "before-fall-dst";
    static final String HOLIDAY_FREEZE = "holiday-freeze";
    static final String LATE_IN_WINDOW = "late-in-window";

    private Fixtures() {
    }

    static Schedule schedule(String policy) {
        switch (policy) {
            case "default":
                return Schedule.defaultSchedule();
            case "busy":
                return new Schedule(WindowSpec.parse(BUSY_WINDOWS, NEW_YORK), busyFreezes(), NEW_YORK);
            default:
                throw new IllegalArgumentException("unknown policy " + policy);
        }
    }

    /**
     * Fifty freezes over 2026-2027: 42 of one to five days, 17 days apart; every sixth is extended by an overlapping
     * second freeze (7 more); and the holiday freeze, which overlaps one of the regular ones.
     */
    static List<Freeze> busyFreezes() {
        List<Freeze> freezes = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < 42; i++) {
            LocalDate start = first.plusDays(17L * i);
            LocalDate last = start.plusDays(i % 5);
            freezes.add(new Freeze(start, last, "Freeze " + (i + 1)));
            if (i % 6 == 5) {
                freezes.add(new Freeze(last, last.plusDays(2), "Extension of freeze " + (i + 1)));
            }
        }
        freezes.add(Freeze.parse("2026-12-21..2027-01-04 Holiday freeze"));
        return freezes;
    }

    static Instant instant(String name) {
        switch (name) {
            case IN_WINDOW:
                return newYork("2026-03-03T10:00"); // Tuesday morning
            case LATE_NIGHT:
                return newYork("2026-06-17T23:30"); // Wednesday night
            case FRIDAY_EVENING:
                return newYork("2026-03-06T18:00"); // the weekend ahead
            case BEFORE_SPRING_DST:
                return newYork("2026-03-08T01:30"); // clocks jump 02:00 -> 03:00 half an hour later
            case BEFORE_FALL_DST:
                return newYork("2026-11-01T00:30"); // clocks go back 02:00 -> 01:00 later that night
            case LATE_IN_WINDOW:
                return newYork("2026-03-05T15:48"); // Thursday, twelve minutes before the seed window closes
            case HOLIDAY_FREEZE:
                return newYork("2026-12-25T12:00"); // a Friday inside the holiday freeze
            default:
                throw new IllegalArgumentException("unknown instant " + name);
        }
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
