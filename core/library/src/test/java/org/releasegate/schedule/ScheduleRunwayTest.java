package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.Test;

/** The runway computed from period edges, against the definition asked minute by minute. */
public class ScheduleRunwayTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Duration M30 = Duration.ofMinutes(30);

    private static Schedule schedule(ZoneId zone, String windows, String... freezes) {
        return new Schedule(WindowSpec.parse(windows, zone), Arrays.stream(freezes).map(Freeze::parse).toList(), zone);
    }

    private static Schedule schedule(String windows, String... freezes) {
        return schedule(NY, windows, freezes);
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    public void aReleaseMayStartUntilTheRunwayBeforeTheClose() {
        Schedule seed = Schedule.defaultSchedule();
        WindowStatus early = seed.evaluate(at("2026-11-26T20:30:00Z"), M30); // Thu 15:30 EST
        assertTrue(early.open());
        assertTrue(early.runwayFits());
        assertFalse(early.runwayShort());
        assertEquals(Optional.of(at("2026-11-26T20:30:00Z")), early.lastStart());
        assertEquals(M30, early.runway());
        assertEquals(Optional.empty(), early.nextOpening());

        WindowStatus late = seed.evaluate(at("2026-11-26T20:30:01Z"), M30);
        assertTrue(late.open());
        assertFalse(late.runwayFits());
        assertTrue(late.runwayShort());
        assertEquals(Optional.of(at("2026-11-26T21:00:00Z")), late.closesAt());
        assertEquals(Optional.of(at("2026-11-26T20:30:00Z")), late.lastStart());
        assertEquals(Optional.of(at("2026-11-30T13:00:00Z")), late.nextOpening()); // Mon 08:00 EST
    }

    @Test
    public void noRunwayIsTodaysBehaviour() {
        Schedule seed = Schedule.defaultSchedule();
        WindowStatus s = seed.evaluate(at("2026-11-26T20:59:59Z"), Duration.ZERO);
        assertTrue(s.runwayFits());
        assertEquals(Optional.of(at("2026-11-26T21:00:00Z")), s.lastStart());
        assertEquals(seed.evaluate(at("2026-11-26T20:59:59Z")), s);
        WindowStatus closed = seed.evaluate(at("2026-11-27T15:00:00Z"), Duration.ZERO);
        assertFalse(closed.runwayFits());
        assertFalse(closed.runwayShort());
        assertEquals(Optional.empty(), closed.lastStart());
        assertEquals(Optional.of(at("2026-11-30T13:00:00Z")), closed.nextOpening());
    }

    @Test
    public void negativeRunwayIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Schedule.defaultSchedule().evaluate(at("2026-11-26T15:00:00Z"), Duration.ofMinutes(-1)));
    }

    @Test
    public void aFreezeStartingInsideTheWindowShortensTheRunway() {
        // Every day 20:00-02:00; a freeze starts on Sunday, so Saturday's window is cut at midnight.
        Schedule s = schedule("Mon-Sun 20:00-02:00", "2026-11-29 Sunday freeze");
        WindowStatus saturday = s.evaluate(at("2026-11-29T04:45:00Z"), M30); // Sat 23:45 EST
        assertTrue(saturday.runwayShort());
        assertEquals(Optional.of(at("2026-11-29T05:00:00Z")), saturday.closesAt());
        assertEquals(Optional.of(at("2026-11-29T04:30:00Z")), saturday.lastStart());
        // Sunday is frozen whole; the next stretch opens Monday 00:00 (Sunday's window runs on to 02:00 Monday).
        assertEquals(Optional.of(at("2026-11-30T05:00:00Z")), saturday.nextOpening());
        assertTrue(s.evaluate(at("2026-11-29T04:30:00Z"), M30).runwayFits());
    }

    @Test
    public void aStretchShorterThanTheRunwayIsSkipped() {
        // Monday 08:00-16:00 with freezes on Tuesday and Thursday: a window on Wednesday is open for 20 minutes only.
        Schedule s = schedule("Mon-Thu 08:00-16:00; Wed 08:00-08:20", "2026-12-01 one", "2026-12-03 two");
        Schedule twenty = schedule("Wed 08:00-08:20; Thu 09:00-10:00");
        WindowStatus monday = twenty.evaluate(at("2026-11-30T15:00:00Z"), M30); // Mon 10:00, closed
        assertFalse(monday.open());
        assertEquals(Optional.of(at("2026-12-03T14:00:00Z")), monday.nextOpening()); // Thu 09:00, not Wed 08:00
        assertEquals(Optional.of(at("2026-12-02T13:00:00Z")),
                twenty.evaluate(at("2026-11-30T15:00:00Z"), Duration.ofMinutes(20)).nextOpening());
        assertEquals(Optional.of(at("2026-12-02T13:00:00Z")), s.evaluate(at("2026-11-30T20:40:00Z"), M30).nextOpening());
    }

    @Test
    public void backToBackWindowsAreOneStretch() {
        Schedule s = schedule("Mon 08:00-12:00; Mon 12:00-16:00");
        WindowStatus lateMorning = s.evaluate(at("2026-11-30T16:50:00Z"), M30); // Mon 11:50 EST
        assertTrue(lateMorning.runwayFits());
        assertEquals(Optional.of(at("2026-11-30T21:00:00Z")), lateMorning.closesAt());
        assertEquals(Optional.of(at("2026-11-30T20:30:00Z")), lateMorning.lastStart());
    }

    @Test
    public void aWindowCrossingMidnightKeepsItsRunwayAcrossTheDate() {
        Schedule s = schedule("Fri 22:00-02:00");
        WindowStatus beforeMidnight = s.evaluate(at("2026-11-28T04:50:00Z"), Duration.ofHours(2)); // Fri 23:50
        assertTrue(beforeMidnight.runwayFits());
        assertEquals(Optional.of(at("2026-11-28T05:00:00Z")), beforeMidnight.lastStart()); // Sat 00:00
        WindowStatus after = s.evaluate(at("2026-11-28T05:00:01Z"), Duration.ofHours(2));
        assertTrue(after.runwayShort());
        assertEquals(Optional.of(at("2026-12-05T03:00:00Z")), after.nextOpening()); // next Friday 22:00
    }

    @Test
    public void springForwardShortensTheNightWindow() {
        // 2026-03-08 02:00 EST jumps to 03:00 EDT: Saturday 22:00-04:00 lasts five hours, not six.
        Schedule s = schedule("Sat 22:00-04:00");
        WindowStatus open = s.evaluate(at("2026-03-08T03:00:00Z"), Duration.ofHours(5)); // Sat 22:00 EST
        assertTrue(open.runwayFits());
        assertEquals(Optional.of(at("2026-03-08T08:00:00Z")), open.closesAt()); // 04:00 EDT
        assertEquals(Optional.of(at("2026-03-08T03:00:00Z")), open.lastStart());
        WindowStatus sixHours = s.evaluate(at("2026-03-08T03:00:00Z"), Duration.ofHours(6));
        assertTrue(sixHours.runwayShort());
        assertEquals(Optional.of(at("2026-03-15T02:00:00Z")), sixHours.nextOpening()); // 22:00 EDT, six hours long
    }

    @Test
    public void fallBackLengthensTheNightWindow() {
        // 2026-11-01 02:00 EDT falls back to 01:00 EST: Saturday 22:00-04:00 lasts seven hours.
        Schedule s = schedule("Sat 22:00-04:00");
        WindowStatus closed = s.evaluate(at("2026-10-31T12:00:00Z"), Duration.ofHours(7));
        assertEquals(Optional.of(at("2026-11-01T02:00:00Z")), closed.nextOpening());
        WindowStatus open = s.evaluate(at("2026-11-01T02:00:00Z"), Duration.ofHours(7));
        assertEquals(Optional.of(at("2026-11-01T09:00:00Z")), open.closesAt());
        assertTrue(open.runwayFits());
        assertTrue(s.evaluate(at("2026-11-01T02:00:01Z"), Duration.ofHours(7)).runwayShort());
    }

    @Test
    public void aPolicyOpenForGoodAlwaysFits() {
        Schedule s = schedule("Mon-Sun 00:00-24:00");
        WindowStatus w = s.evaluate(at("2026-11-30T12:00:00Z"), Duration.ofHours(24));
        assertTrue(w.runwayFits());
        assertEquals(Optional.empty(), w.lastStart());
        assertEquals(Optional.empty(), w.nextOpening());
    }

    @Test
    public void noStretchLongEnoughMeansNoNextOpening() {
        Schedule s = schedule("Mon 08:00-09:00");
        WindowStatus w = s.evaluate(at("2026-11-30T13:30:00Z"), Duration.ofHours(2));
        assertTrue(w.runwayShort());
        assertEquals(Optional.empty(), w.nextOpening());
        assertEquals(Optional.empty(), schedule("").evaluate(at("2026-11-30T13:30:00Z"), M30).nextOpening());
    }

    /**
     * The definition, minute by minute: a release may start at a whole minute when every minute of its runway is open;
     * the next opening is the first such minute. Exact, since every edge is on a whole minute.
     */
    @Test
    public void agreesWithTheDefinitionAcrossZonesFreezesAndDaylightSaving() {
        List<Schedule> schedules = List.of(
                Schedule.defaultSchedule(),
                schedule("Mon-Thu 08:00-16:00; Fri 08:00-12:00", "2026-03-10 Tue", "2026-11-03..2026-11-04 Election"),
                schedule("Mon-Sun 22:00-02:00; Sat 01:00-03:30", "2026-03-08 DST Sunday"),
                schedule(ZoneId.of("Europe/Berlin"), "Mon-Fri 09:00-12:00; Mon-Fri 12:00-12:40; Sun 02:00-03:30"),
                schedule(ZoneId.of("Australia/Sydney"), "Sun 01:30-03:30; Mon-Fri 16:00-16:25; Mon-Fri 16:50-18:00",
                        "2026-04-06 Easter Monday"));
        Instant[] around = {at("2026-03-06T00:00:00Z"), at("2026-03-27T00:00:00Z"), at("2026-04-02T00:00:00Z"),
            at("2026-10-02T00:00:00Z"), at("2026-10-23T00:00:00Z"), at("2026-10-30T00:00:00Z")};
        Duration[] runways = {Duration.ZERO, Duration.ofMinutes(20), Duration.ofMinutes(45), Duration.ofMinutes(150)};
        Random random = new Random(11);
        for (Schedule s : schedules) {
            for (Instant base : around) {
                for (int i = 0; i < 8; i++) {
                    Instant t = base.plusSeconds(60L * random.nextInt(9 * 24 * 60));
                    Duration runway = runways[random.nextInt(runways.length)];
                    WindowStatus w = s.evaluate(t, runway);
                    String what = s.getWindows() + " at " + t + " runway " + runway;
                    boolean fits = fits(s, t, runway);
                    assertEquals(what, fits, w.runwayFits());
                    assertEquals(what, s.isOpen(t) && !fits, w.runwayShort());
                    assertEquals(what, fits ? Optional.empty() : firstFit(s, t, runway), w.nextOpening());
                    if (w.runwayFits() && !runway.isZero() && w.lastStart().isPresent()) {
                        Instant last = w.lastStart().orElseThrow();
                        assertTrue(what, fits(s, last, runway));
                        assertFalse(what, fits(s, last.plusSeconds(60), runway));
                    }
                }
            }
        }
    }

    private static boolean fits(Schedule s, Instant t, Duration runway) {
        if (!s.isOpen(t)) {
            return false;
        }
        for (long m = 1; m < runway.toMinutes(); m++) {
            if (!s.isOpen(t.plusSeconds(60 * m))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Instant> firstFit(Schedule s, Instant t, Duration runway) {
        long needed = Math.max(1, runway.toMinutes());
        Instant streak = null;
        for (long m = 0; m < 40L * 24 * 60; m++) {
            Instant minute = t.plusSeconds(60 * m);
            if (s.isOpen(minute)) {
                streak = streak == null ? minute : streak;
                if (Duration.between(streak, minute).toMinutes() + 1 >= needed) {
                    return Optional.of(streak);
                }
            } else {
                streak = null;
            }
        }
        return Optional.empty();
    }
}
