package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ScheduleTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");

    static Schedule schedule(String windows, String... freezes) {
        return new Schedule(WindowSpec.parse(windows, NY), Arrays.stream(freezes).map(Freeze::parse).toList(), NY);
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    public void seedWindowOnAWinterThursday() {
        WindowStatus s = Schedule.defaultSchedule().evaluate(at("2026-11-26T15:00:00Z")); // 10:00 EST
        assertTrue(s.open());
        assertEquals("Mon-Thu 08:00-16:00 America/New_York", s.window().orElseThrow().toString());
        assertEquals(Optional.of(at("2026-11-26T21:00:00Z")), s.closesAt()); // 16:00 EST
        assertEquals(Optional.empty(), s.nextOpening());
        assertFalse(s.outsideWindows());
    }

    @Test
    public void startIsInclusiveAndEndExclusive() {
        Schedule seed = Schedule.defaultSchedule();
        assertTrue(seed.evaluate(at("2026-11-26T13:00:00Z")).open());
        WindowStatus before = seed.evaluate(at("2026-11-26T12:59:59.999Z"));
        assertFalse(before.open());
        assertEquals(Optional.of(at("2026-11-26T13:00:00Z")), before.nextOpening());
        assertTrue(seed.evaluate(at("2026-11-26T20:59:59.999Z")).open());
        WindowStatus after = seed.evaluate(at("2026-11-26T21:00:00Z"));
        assertFalse(after.open());
        assertTrue(after.outsideWindows());
        assertEquals(Optional.of(at("2026-11-30T13:00:00Z")), after.nextOpening()); // Monday 08:00 EST
    }

    @Test
    public void eightAmEasternFollowsDaylightSaving() {
        Schedule seed = Schedule.defaultSchedule();
        // July: 08:00 EDT is 12:00Z; a fixed "EST" would wrongly say 13:00Z.
        assertTrue(seed.evaluate(at("2026-07-07T12:00:00Z")).open());
        assertFalse(seed.evaluate(at("2026-07-07T11:59:59Z")).open());
        assertEquals(Optional.of(at("2026-07-07T20:00:00Z")), seed.evaluate(at("2026-07-07T12:00:00Z")).closesAt());
    }

    @Test
    public void springForwardOpensAtTheFirstInstantPastTheStart() {
        // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT; 02:30 never happens, so the window opens at 03:00 EDT.
        Schedule s = schedule("Sun 02:30-04:00");
        WindowStatus before = s.evaluate(at("2026-03-08T06:59:59Z"));
        assertFalse(before.open());
        assertEquals(Optional.of(at("2026-03-08T07:00:00Z")), before.nextOpening());
        WindowStatus open = s.evaluate(at("2026-03-08T07:00:00Z"));
        assertTrue(open.open());
        assertEquals(Optional.of(at("2026-03-08T08:00:00Z")), open.closesAt());
    }

    @Test
    public void windowInsideTheSpringGapDoesNotHappenThatDay() {
        Schedule s = schedule("Sun 02:10-02:20");
        assertEquals(Optional.of(at("2026-03-15T06:10:00Z")), s.evaluate(at("2026-03-08T05:00:00Z")).nextOpening());
    }

    @Test
    public void fallBackHourIsOpenBothTimes() {
        // 2026-11-01: 01:00-02:00 happens twice, 05:00Z-06:00Z in EDT and 06:00Z-07:00Z in EST.
        Schedule s = schedule("Sun 01:00-02:00");
        WindowStatus first = s.evaluate(at("2026-11-01T05:30:00Z"));
        assertTrue(first.open());
        assertEquals(Optional.of(at("2026-11-01T07:00:00Z")), first.closesAt());
        assertTrue(s.evaluate(at("2026-11-01T06:30:00Z")).open());
        assertFalse(s.evaluate(at("2026-11-01T07:00:00Z")).open());
        assertEquals(Optional.of(at("2026-11-01T05:00:00Z")), s.evaluate(at("2026-11-01T04:59:59Z")).nextOpening());
    }

    @Test
    public void shortWindowInTheRepeatedHourOpensTwice() {
        Schedule s = schedule("Sun 01:30-01:45");
        assertEquals(Optional.of(at("2026-11-01T05:45:00Z")), s.evaluate(at("2026-11-01T05:30:00Z")).closesAt());
        WindowStatus between = s.evaluate(at("2026-11-01T05:50:00Z"));
        assertFalse(between.open());
        assertEquals(Optional.of(at("2026-11-01T06:30:00Z")), between.nextOpening());
    }

    @Test
    public void midnightCrossingBelongsToTheStartDay() {
        Schedule s = schedule("Fri 22:00-02:00");
        assertFalse(s.evaluate(at("2026-11-28T02:59:59Z")).open()); // Fri 21:59:59 EST
        assertTrue(s.evaluate(at("2026-11-28T03:00:00Z")).open()); // Fri 22:00
        assertTrue(s.evaluate(at("2026-11-28T06:00:00Z")).open()); // Sat 01:00
        assertEquals(Optional.of(at("2026-11-28T07:00:00Z")), s.evaluate(at("2026-11-28T06:00:00Z")).closesAt());
        assertFalse(s.evaluate(at("2026-11-28T07:00:00Z")).open()); // Sat 02:00
        assertFalse(s.evaluate(at("2026-11-27T06:00:00Z")).open()); // Fri 01:00: Thursday has no window
        assertFalse(s.evaluate(at("2026-11-29T03:30:00Z")).open()); // Sat 22:30
    }

    @Test
    public void wrappingDayRange() {
        Schedule s = schedule("Fri-Mon 10:00-11:00");
        assertTrue(s.evaluate(at("2026-11-29T15:30:00Z")).open()); // Sun 10:30
        assertTrue(s.evaluate(at("2026-11-30T15:30:00Z")).open()); // Mon 10:30
        WindowStatus tuesday = s.evaluate(at("2026-12-01T15:30:00Z"));
        assertFalse(tuesday.open());
        assertEquals(Optional.of(at("2026-12-04T15:00:00Z")), tuesday.nextOpening()); // Fri 10:00
    }

    @Test
    public void touchingWindowsAreOnePeriod() {
        Schedule s = schedule("Mon 08:00-10:00; Mon 10:00-12:00; Mon 11:00-13:00");
        assertEquals(Optional.of(at("2026-11-30T18:00:00Z")), s.evaluate(at("2026-11-30T14:00:00Z")).closesAt());
    }

    @Test
    public void gapBetweenWindows() {
        Schedule s = schedule("Mon 08:00-10:00; Mon 14:00-16:00");
        WindowStatus lunch = s.evaluate(at("2026-11-30T16:00:00Z")); // 11:00
        assertFalse(lunch.open());
        assertEquals(Optional.of(at("2026-11-30T19:00:00Z")), lunch.nextOpening());
    }

    @Test
    public void windowsInTheirOwnZones() {
        Schedule s = schedule("Mon 09:00-10:00 Europe/Berlin; Mon 09:00-10:00 Asia/Tokyo");
        WindowStatus sunday = s.evaluate(at("2026-11-29T12:00:00Z"));
        assertEquals(Optional.of(at("2026-11-30T00:00:00Z")), sunday.nextOpening()); // Tokyo first
        assertEquals("Mon 09:00-10:00 Europe/Berlin", s.evaluate(at("2026-11-30T08:30:00Z")).window().orElseThrow().toString());
    }

    @Test
    public void freezeClosesAWindowAndNamesItself() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-12-21..2027-01-04 Holiday freeze");
        WindowStatus frozen = s.evaluate(at("2026-12-22T15:00:00Z")); // Tue 10:00 EST
        assertFalse(frozen.open());
        assertFalse(frozen.outsideWindows());
        assertEquals(List.of(Freeze.parse("2026-12-21..2027-01-04 Holiday freeze")), frozen.freezes());
        assertEquals(Optional.of(at("2027-01-05T13:00:00Z")), frozen.nextOpening()); // Jan 4 is frozen too
        WindowStatus friday = s.evaluate(at("2026-12-18T22:00:00Z"));
        assertEquals(Optional.of(at("2027-01-05T13:00:00Z")), friday.nextOpening());
        assertEquals(Optional.of(at("2026-12-17T21:00:00Z")), s.evaluate(at("2026-12-17T20:00:00Z")).closesAt());
    }

    @Test
    public void freezeStartingMidWindowDayCutsTheOpenPeriod() {
        // An every-day window crossing midnight, frozen from Sunday: Saturday's occurrence is cut at Sunday 00:00.
        Schedule s = schedule("Mon-Sun 22:00-02:00", "2026-11-29..2026-11-29 Sunday freeze");
        WindowStatus saturday = s.evaluate(at("2026-11-29T03:30:00Z")); // Sat 22:30
        assertTrue(saturday.open());
        assertEquals(Optional.of(at("2026-11-29T05:00:00Z")), saturday.closesAt()); // Sun 00:00
        // Sunday's occurrence runs into Monday, which is not frozen: open from Monday 00:00.
        WindowStatus sunday = s.evaluate(at("2026-11-30T03:30:00Z")); // Sun 22:30
        assertFalse(sunday.open());
        assertEquals(Optional.of(at("2026-11-30T05:00:00Z")), sunday.nextOpening());
    }

    @Test
    public void overlappingFreezesAreAllNamedAndAllWaitedOut() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-12-01..2026-12-10 Migration", "2026-12-08..2026-12-15 Audit");
        WindowStatus both = s.evaluate(at("2026-12-09T15:00:00Z"));
        assertEquals(2, both.freezes().size());
        assertEquals(Optional.of(at("2026-12-16T13:00:00Z")), both.nextOpening()); // Wed 16th
    }

    @Test
    public void noWindowNeverOpens() {
        Schedule s = schedule("");
        WindowStatus status = s.evaluate(at("2026-11-26T15:00:00Z"));
        assertFalse(status.open());
        assertTrue(status.outsideWindows());
        assertEquals(Optional.empty(), status.nextOpening());
        assertFalse(s.openPeriods(at("2026-11-26T15:00:00Z")).hasNext());
    }

    @Test
    public void alwaysOpenNeverCloses() {
        WindowStatus status = schedule("Mon-Sun 00:00-24:00").evaluate(at("2026-11-26T15:00:00Z"));
        assertTrue(status.open());
        assertEquals(Optional.empty(), status.closesAt());
    }

    @Test
    public void alwaysOpenClosesForAFreeze() {
        Schedule s = schedule("Mon-Sun 00:00-24:00", "2027-02-01 Audit");
        WindowStatus status = s.evaluate(at("2026-11-26T15:00:00Z"));
        assertEquals(Optional.of(at("2027-02-01T05:00:00Z")), status.closesAt());
        Iterator<OpenPeriod> periods = s.openPeriods(at("2026-11-26T15:00:00Z"));
        periods.next();
        OpenPeriod after = periods.next();
        assertEquals(at("2027-02-02T05:00:00Z"), after.opens());
        assertEquals(Optional.empty(), after.closes());
        assertFalse(periods.hasNext());
    }

    @Test
    public void openPeriodsListTheWeek() {
        Iterator<OpenPeriod> periods = Schedule.defaultSchedule().openPeriods(at("2026-11-28T12:00:00Z")); // Saturday
        for (String day : List.of("30", "01", "02", "03")) {
            OpenPeriod p = periods.next();
            String month = day.equals("30") ? "11" : "12";
            assertEquals(at("2026-" + month + "-" + day + "T13:00:00Z"), p.opens());
            assertEquals(Optional.of(at("2026-" + month + "-" + day + "T21:00:00Z")), p.closes());
        }
        assertEquals(at("2026-12-07T13:00:00Z"), periods.next().opens());
    }
}
