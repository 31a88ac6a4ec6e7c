package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * The fast answers (open, when it closes, when it next opens) against the definition checked minute by minute, on
 * random instants across two years of daylight-saving changes.
 */
public class ScheduleDefinitionTest {
    private static final List<Schedule> SCHEDULES = List.of(
            Schedule.defaultSchedule(),
            ScheduleTest.schedule("Fri 22:00-02:00; Sun 01:30-01:45; Sun 02:30-04:00"),
            ScheduleTest.schedule("Fri-Mon 23:00-01:00 Europe/London; Wed 12:00-13:00 Asia/Kolkata",
                    "2026-12-21..2027-01-04 Holiday freeze", "2027-03-01..2027-03-14 Migration"),
            ScheduleTest.schedule("Mon-Sun 00:00-24:00", "2026-12-24..2026-12-26 Holidays", "2027-11-07 Fall back"),
            ScheduleTest.schedule("Mon,Wed 06:00-07:00; Mon 07:00-09:00 America/Chicago"));

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long TWO_YEARS = Duration.ofDays(730).getSeconds();

    @Test
    public void fastAnswersAgreeWithTheDefinition() {
        Random random = new Random(20261126);
        for (Schedule schedule : SCHEDULES) {
            for (int i = 0; i < 150; i++) {
                Instant t = START.plusSeconds(random.nextLong(TWO_YEARS));
                WindowStatus status = schedule.evaluate(t);
                String where = schedule.getWindows() + " at " + t;
                assertEquals(where, schedule.isOpen(t), status.open());
                status.closesAt().ifPresent(c -> {
                    assertTrue(where, schedule.isOpen(c.minusSeconds(1)));
                    assertFalse(where, schedule.isOpen(c));
                    assertOpenThroughout(schedule, t, c, where);
                });
                status.nextOpening().ifPresent(n -> {
                    assertTrue(where, schedule.isOpen(n));
                    assertFalse(where, schedule.isOpen(n.minusSeconds(1)));
                    assertClosedThroughout(schedule, t, n, where);
                });
            }
        }
    }

    private static void assertOpenThroughout(Schedule s, Instant from, Instant to, String where) {
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            assertTrue(where + ": closed at " + m, s.isOpen(m));
        }
    }

    private static void assertClosedThroughout(Schedule s, Instant from, Instant to, String where) {
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            assertFalse(where + ": open at " + m, s.isOpen(m));
        }
    }
}
