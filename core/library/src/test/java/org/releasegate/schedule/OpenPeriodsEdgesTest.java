package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.junit.Test;

/** Open periods where windows meet freezes edge to edge, zones a day apart, and the week in words. */
public class OpenPeriodsEdgesTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static Schedule schedule(String windows, String... freezes) {
        return new Schedule(WindowSpec.parse(windows, NY), Arrays.stream(freezes).map(Freeze::parse).toList(), NY);
    }

    @Test
    public void aWindowOpeningAsAFreezeStartsDoesNotOpenThatDay() {
        // Monday 2026-11-30 is frozen from its first minute; the window opens at that same minute.
        Schedule s = schedule("Mon 00:00-08:00", "2026-11-30 Migration");
        WindowStatus sunday = s.evaluate(Instant.parse("2026-11-29T15:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-12-07T05:00:00Z")), sunday.nextOpening());
    }

    @Test
    public void aWindowClosingAsAFreezeEndsDoesNotOpenThatDay() {
        // The freeze ends at Tuesday 00:00, exactly when Monday's window closes.
        Schedule s = schedule("Mon 08:00-24:00", "2026-11-30 Migration");
        WindowStatus sunday = s.evaluate(Instant.parse("2026-11-29T15:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-12-07T13:00:00Z")), sunday.nextOpening());
        Iterator<OpenPeriod> periods = s.openPeriods(Instant.parse("2026-11-29T15:00:00Z"));
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), periods.next().opens());
    }

    @Test
    public void aWindowOnTheNextLocalDayFarEastOpensFirst() {
        // Tuesday 01:00 in Tokyo is Monday 16:00Z, hours before Monday 23:00 in Los Angeles (Tuesday 07:00Z).
        Schedule s = schedule("Mon 23:00-23:30 America/Los_Angeles; Tue 01:00-02:00 Asia/Tokyo");
        Iterator<OpenPeriod> periods = s.openPeriods(Instant.parse("2026-11-30T12:00:00Z"));
        OpenPeriod first = periods.next();
        assertEquals(Instant.parse("2026-11-30T16:00:00Z"), first.opens());
        assertEquals(Optional.of(Instant.parse("2026-11-30T17:00:00Z")), first.closes());
        OpenPeriod second = periods.next();
        assertEquals(Instant.parse("2026-12-01T07:00:00Z"), second.opens());
        assertEquals(Optional.of(Instant.parse("2026-12-01T07:30:00Z")), second.closes());
        assertEquals(Optional.of(Instant.parse("2026-11-30T16:00:00Z")),
                s.evaluate(Instant.parse("2026-11-30T12:00:00Z")).nextOpening());
    }

    @Test
    public void aWalkOfPeriodsEndsSixteenDaysAheadSoASearchEnds() {
        Iterator<OpenPeriod> periods = schedule("Mon 08:00-09:00").openPeriods(Instant.parse("2026-11-26T15:00:00Z"));
        int n = 0;
        while (periods.hasNext()) {
            periods.next();
            n++;
        }
        assertEquals(2, n); // Mondays 11-30 and 12-07; 12-14 is past 16 days from Thursday 11-26
        assertFalse(periods.hasNext());
    }

    @Test
    public void theWeekInWordsNamesEachDaysOpenAndFrozenRanges() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-11-26 Thanksgiving");
        WeekView week = WeekView.of(s, Instant.parse("2026-11-23T17:00:00Z"), NY);
        assertEquals("America/New_York\n"
                + "Mon 2026-11-23 open 08:00-16:00\n"
                + "Tue 2026-11-24 open 08:00-16:00\n"
                + "Wed 2026-11-25 open 08:00-16:00\n"
                + "Thu 2026-11-26 frozen 00:00-24:00 Thanksgiving\n"
                + "Fri 2026-11-27\n"
                + "Sat 2026-11-28\n"
                + "Sun 2026-11-29", week.toString());
    }
}
