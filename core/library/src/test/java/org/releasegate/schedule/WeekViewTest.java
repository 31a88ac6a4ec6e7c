package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.releasegate.schedule.WeekView.Day;
import org.releasegate.schedule.WeekView.Frozen;
import org.releasegate.schedule.WeekView.Range;

public class WeekViewTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Monday 2026-11-23 12:00 EST. */
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T17:00:00Z");
    private static final Range SEED = new Range(8 * 60, 16 * 60);

    private static Schedule schedule(String windows, String... freezes) {
        return new Schedule(WindowSpec.parse(windows, NY), Arrays.stream(freezes).map(Freeze::parse).toList(), NY);
    }

    private static Range range(int fromHour, int toHour) {
        return new Range(fromHour * 60, toHour * 60);
    }

    @Test
    public void seedWeekInItsOwnZone() {
        WeekView week = WeekView.of(Schedule.defaultSchedule(), MONDAY_NOON, NY);
        assertEquals(NY, week.zone());
        assertEquals(7, week.days().size());
        assertEquals(LocalDate.of(2026, 11, 23), week.days().get(0).date());
        assertEquals("Mon", week.days().get(0).dayName());
        for (int i = 0; i < 4; i++) {
            assertEquals(week.toString(), List.of(SEED), week.days().get(i).open());
        }
        for (int i = 4; i < 7; i++) {
            assertEquals(week.toString(), List.of(), week.days().get(i).open());
        }
        assertEquals(12 * 60, week.nowMinute());
        assertEquals("08:00-16:00", SEED.clock());
    }

    @Test
    public void sameWeekSeenFromBerlin() {
        WeekView week = WeekView.of(Schedule.defaultSchedule(), MONDAY_NOON, BERLIN);
        assertEquals(List.of(range(14, 22)), week.days().get(0).open()); // 08:00 EST is 14:00 CET
        assertEquals(List.of(range(14, 22)), week.days().get(3).open());
        assertEquals(List.of(), week.days().get(4).open());
        assertEquals(18 * 60, week.nowMinute());
    }

    @Test
    public void aViewerZoneWhereTheWindowCrossesMidnight() {
        // Monday 09:00 in Tokyo is still Sunday in New York: 08:00-16:00 EST is 22:00-06:00 JST.
        WeekView week = WeekView.of(Schedule.defaultSchedule(), Instant.parse("2026-11-23T00:00:00Z"), TOKYO);
        List<Day> days = week.days();
        assertEquals(LocalDate.of(2026, 11, 23), days.get(0).date());
        assertEquals(List.of(range(22, 24)), days.get(0).open());
        assertEquals(List.of(range(0, 6), range(22, 24)), days.get(1).open());
        assertEquals(List.of(range(0, 6), range(22, 24)), days.get(3).open());
        assertEquals(List.of(range(0, 6)), days.get(4).open());
        assertEquals(List.of(), days.get(5).open());
    }

    @Test
    public void aFreezeIsDrawnWithItsReasonAndNothingOpensInIt() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-11-26 Thanksgiving");
        WeekView week = WeekView.of(s, MONDAY_NOON, NY);
        Day thursday = week.days().get(3);
        assertEquals(List.of(), thursday.open());
        assertEquals(List.of(new Frozen(range(0, 24), "Thanksgiving")), thursday.frozen());
        assertEquals(List.of(), week.days().get(2).frozen());
        assertEquals(List.of(SEED), week.days().get(2).open());
    }

    @Test
    public void aFreezeSeenFromAnotherZoneStraddlesTwoDays() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-11-26 Thanksgiving");
        WeekView week = WeekView.of(s, MONDAY_NOON, BERLIN);
        assertEquals(List.of(new Frozen(range(6, 24), "Thanksgiving")), week.days().get(3).frozen());
        assertEquals(List.of(new Frozen(range(0, 6), "Thanksgiving")), week.days().get(4).frozen());
    }

    @Test
    public void overlappingFreezesAreEachNamed() {
        Schedule s = schedule("Mon-Thu 08:00-16:00", "2026-11-25..2026-11-26 Migration", "2026-11-26 Thanksgiving");
        Day thursday = WeekView.of(s, MONDAY_NOON, NY).days().get(3);
        assertEquals(List.of(new Frozen(range(0, 24), "Migration"), new Frozen(range(0, 24), "Thanksgiving")),
                thursday.frozen());
    }

    @Test
    public void aWindowCrossingMidnightBelongsToTwoColumns() {
        WeekView week = WeekView.of(schedule("Fri 22:00-02:00"), MONDAY_NOON, NY);
        assertEquals(List.of(range(22, 24)), week.days().get(4).open());
        assertEquals(List.of(range(0, 2)), week.days().get(5).open());
    }

    @Test
    public void touchingWindowsAreOneRange() {
        WeekView week = WeekView.of(schedule("Mon 08:00-12:00; Mon 12:00-16:00"), MONDAY_NOON, NY);
        assertEquals(List.of(SEED), week.days().get(0).open());
    }

    @Test
    public void springForwardDrawsTheSkippedHourInsideTheWindow() {
        // 2027-03-14: New York clocks jump from 02:00 to 03:00. The window is open 01:00-04:00 wall clock, two hours.
        WeekView week = WeekView.of(schedule("Sun 01:00-04:00"), Instant.parse("2027-03-13T17:00:00Z"), NY);
        Day sunday = week.days().get(1);
        assertEquals(LocalDate.of(2027, 3, 14), sunday.date());
        assertEquals(List.of(range(1, 4)), sunday.open());
    }

    @Test
    public void fallBackDrawsTheRepeatedHourOnce() {
        // 2026-11-01: New York clocks go back from 02:00 to 01:00.
        WeekView week = WeekView.of(schedule("Sun 00:30-03:00"), Instant.parse("2026-10-31T16:00:00Z"), NY);
        Day sunday = week.days().get(1);
        assertEquals(LocalDate.of(2026, 11, 1), sunday.date());
        assertEquals(List.of(new Range(30, 180)), sunday.open());
    }

    @Test
    public void openAroundTheClock() {
        WeekView week = WeekView.of(schedule("Mon-Sun 00:00-24:00"), MONDAY_NOON, NY);
        for (Day d : week.days()) {
            assertEquals(List.of(range(0, 24)), d.open());
        }
    }

    @Test
    public void noWindowMeansNothingOpens() {
        WeekView week = WeekView.of(schedule(""), MONDAY_NOON, NY);
        assertTrue(week.days().stream().allMatch(d -> d.open().isEmpty() && d.frozen().isEmpty()));
    }

    @Test
    public void theOpenRangesAgreeWithTheDefinition() {
        Schedule s = schedule("Mon-Thu 08:00-16:00; Fri 22:00-02:00 Europe/Berlin", "2026-11-26 Thanksgiving");
        for (ZoneId zone : List.of(NY, BERLIN, TOKYO, ZoneId.of("UTC"))) {
            WeekView week = WeekView.of(s, MONDAY_NOON, zone);
            for (Day d : week.days()) {
                for (int minute = 0; minute < WeekView.MINUTES_PER_DAY; minute += 15) {
                    Instant at = d.date().atStartOfDay(zone).plusMinutes(minute).toInstant();
                    int m = minute;
                    boolean drawn = d.open().stream().anyMatch(r -> r.from() <= m && m < r.to());
                    assertEquals(zone + " " + d.date() + " minute " + minute, s.isOpen(at), drawn);
                }
            }
        }
    }

    @Test
    public void rangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Range(10, 10));
        assertThrows(IllegalArgumentException.class, () -> new Range(0, 1441));
        assertEquals("00:00-24:00", range(0, 24).clock());
    }
}
