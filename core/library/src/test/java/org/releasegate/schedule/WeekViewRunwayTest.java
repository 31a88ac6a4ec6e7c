package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.releasegate.schedule.WeekView.Day;
import org.releasegate.schedule.WeekView.Range;

/** The week picture's cut-off: the last runway of each open period, too late to start a production release. */
public class WeekViewRunwayTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    /** Monday 2026-11-23 12:00 EST. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T17:00:00Z");

    private static Schedule schedule(String windows, String... freezes) {
        return new Schedule(WindowSpec.parse(windows, NY), Arrays.stream(freezes).map(Freeze::parse).toList(), NY);
    }

    private static Range clock(String from, String to) {
        return new Range(minute(from), minute(to));
    }

    private static int minute(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
    }

    @Test
    public void theSeedWindowIsCutOffHalfAnHourBeforeItCloses() {
        WeekView week = WeekView.of(Schedule.defaultSchedule(), MONDAY_NOON, NY, Duration.ofMinutes(30));
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of(clock("15:30", "16:00")), week.days().get(i).cutOff());
            assertEquals(List.of(clock("08:00", "16:00")), week.days().get(i).open());
        }
        for (int i = 4; i < 7; i++) {
            assertEquals(List.of(), week.days().get(i).cutOff());
        }
        assertEquals("America/New_York\nMon 2026-11-23 open 08:00-16:00 cut-off 15:30-16:00",
                week.toString().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    public void noRunwayNoCutOff() {
        WeekView week = WeekView.of(Schedule.defaultSchedule(), MONDAY_NOON, NY);
        week.days().forEach(d -> assertEquals(List.of(), d.cutOff()));
        assertEquals(WeekView.of(Schedule.defaultSchedule(), MONDAY_NOON, NY, Duration.ZERO).toString(),
                week.toString());
        Day plain = new Day(LocalDate.of(2026, 11, 23), List.of(), List.of());
        assertEquals(List.of(), plain.cutOff());
    }

    @Test
    public void aCutOffCrossingMidnightIsDrawnOnBothDays() {
        WeekView week = WeekView.of(schedule("Fri 22:00-02:00"), MONDAY_NOON, NY, Duration.ofHours(3));
        assertEquals(List.of(clock("23:00", "24:00")), week.days().get(4).cutOff()); // Friday
        assertEquals(List.of(clock("00:00", "02:00")), week.days().get(5).cutOff()); // Saturday
        WeekView hour = WeekView.of(schedule("Fri 22:00-02:00"), MONDAY_NOON, NY, Duration.ofHours(1));
        assertEquals(List.of(), hour.days().get(4).cutOff());
        assertEquals(List.of(clock("01:00", "02:00")), hour.days().get(5).cutOff());
    }

    @Test
    public void aPeriodShorterThanTheRunwayIsAllCutOff() {
        WeekView week = WeekView.of(schedule("Mon-Thu 08:00-16:00; Fri 08:00-08:20"), MONDAY_NOON, NY,
                Duration.ofMinutes(30));
        assertEquals(List.of(clock("08:00", "08:20")), week.days().get(4).cutOff());
    }

    @Test
    public void aFreezeStartingInsideTheWindowMovesTheCutOff() {
        // Every day 20:00-02:00, Wednesday 2026-11-25 frozen: Tuesday's window is cut at midnight.
        WeekView week = WeekView.of(schedule("Mon-Sun 20:00-02:00", "2026-11-25 Midweek freeze"), MONDAY_NOON, NY,
                Duration.ofMinutes(30));
        // Tuesday: Monday's window ends at 02:00; Tuesday's own is cut at midnight.
        assertEquals(List.of(clock("01:30", "02:00"), clock("23:30", "24:00")), week.days().get(1).cutOff());
        assertEquals(List.of(), week.days().get(2).cutOff()); // Wednesday: frozen until midnight, then 00:00-02:00
        assertEquals(List.of(clock("01:30", "02:00")), week.days().get(3).cutOff()); // Thursday: Wednesday's window
    }

    @Test
    public void aPeriodStillOpenAfterTheWeekIsNotCutOffInside() {
        WeekView week = WeekView.of(schedule("Mon-Sun 00:00-24:00"), MONDAY_NOON, NY, Duration.ofHours(2));
        week.days().forEach(d -> assertEquals(List.of(), d.cutOff()));
    }

    @Test
    public void theCutOffOfAPeriodOpenedBeforeTheWeekStartsIsKept() {
        // Sunday 22:00 to Monday 02:00, seen from Monday 01:00: the view starts at Monday 00:00.
        WeekView week = WeekView.of(schedule("Sun 22:00-02:00"), Instant.parse("2026-11-23T06:00:00Z"), NY,
                Duration.ofHours(3));
        assertEquals(List.of(clock("00:00", "02:00")), week.days().get(0).cutOff());
    }
}
