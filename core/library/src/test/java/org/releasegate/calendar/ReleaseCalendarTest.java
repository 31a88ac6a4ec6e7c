package org.releasegate.calendar;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.WindowSpec;

public class ReleaseCalendarTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final CalendarRange WEEK = new CalendarRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    private static ProductPolicy.Builder checkout(String windows) {
        return ProductPolicy.builder("Check Out").zone(NY).windows(WindowSpec.parse(windows, NY));
    }

    @Test
    public void oneEventForEachOpenStretchWithItsCloseAndCutOff() {
        ProductPolicy p = checkout("Mon-Thu 08:00-16:00").runway(Duration.ofMinutes(30))
                .freezes(List.of(Freeze.parse("2026-12-03 Release party"))).build();
        List<CalendarEvent> events = ReleaseCalendar.events(p, WEEK);
        assertEquals(4, events.size()); // Mon, Tue, Wed open; Thursday's freeze
        CalendarEvent.Timed monday = (CalendarEvent.Timed) events.get(0);
        assertEquals("Check Out: production open", monday.summary());
        assertEquals(Instant.parse("2026-11-30T13:00:00Z"), monday.start());
        assertEquals(Instant.parse("2026-11-30T21:00:00Z"), monday.end());
        assertEquals(NY, monday.zone());
        assertEquals("check-out-open-" + monday.start().getEpochSecond() + "@release-gate", monday.uid());
        assertEquals("Production releases of Check Out may happen until production closes at Mon 2026-11-30 16:00 EST."
                + " Cut-off: a production release needs 30 minutes, so the last start is 15:30 EST.",
                monday.description());
        CalendarEvent.AllDay freeze = (CalendarEvent.AllDay) events.get(3);
        assertEquals("Check Out: Release party, no production releases", freeze.summary());
        assertEquals(LocalDate.of(2026, 12, 3), freeze.first());
        assertEquals(LocalDate.of(2026, 12, 3), freeze.last());
        assertEquals("check-out-freeze-2026-12-03-2026-12-03-" + Integer.toHexString("Release party".hashCode())
                + "@release-gate", freeze.uid());
        assertEquals("Production of Check Out is frozen from 2026-12-03 to 2026-12-03 (America/New_York): Release "
                + "party. Only an urgent exception may release.", freeze.description());
    }

    @Test
    public void withoutRunwayNoCutOffAndAShortStretchSaysSo() {
        ProductPolicy none = checkout("Mon 08:00-16:00").build();
        assertEquals("Production releases of Check Out may happen until production closes at Mon 2026-11-30 16:00 EST.",
                ReleaseCalendar.events(none, WEEK).get(0).description());
        ProductPolicy shortOne = checkout("Mon 08:00-08:20").runway(Duration.ofMinutes(30)).build();
        assertEquals("Production releases of Check Out may happen until production closes at Mon 2026-11-30 08:20 EST."
                + " This stretch is shorter than the runway (30 minutes): no production release may start in it.",
                ReleaseCalendar.events(shortOne, WEEK).get(0).description());
        ProductPolicy exact = checkout("Mon 08:00-08:30").runway(Duration.ofMinutes(30)).build();
        assertTrue(ReleaseCalendar.events(exact, WEEK).get(0).description().endsWith("the last start is 08:00 EST."));
    }

    @Test
    public void aStretchThatNeverClosesEndsWithTheRange() {
        ProductPolicy always = checkout("Mon-Sun 00:00-24:00").build();
        List<CalendarEvent> events = ReleaseCalendar.events(always, WEEK);
        assertEquals(1, events.size());
        CalendarEvent.Timed t = (CalendarEvent.Timed) events.get(0);
        assertEquals(WEEK.end(NY), t.end());
        assertTrue(t.description(), t.description().endsWith("on: production does not close."));
    }

    @Test
    public void onlyWhatFallsInTheRange() {
        ProductPolicy p = checkout("Mon-Thu 08:00-16:00").freezes(List.of(Freeze.parse("2026-11-26 Thanksgiving"),
                Freeze.parse("2026-12-07 Next Monday"), Freeze.parse("2026-12-06 Sunday"))).build();
        List<CalendarEvent> events = ReleaseCalendar.events(p, WEEK);
        assertEquals(List.of("Check Out: production open", "Check Out: production open", "Check Out: production open",
                "Check Out: production open", "Check Out: Sunday, no production releases"),
                events.stream().map(CalendarEvent::summary).toList());
        // A stretch open when the range starts is kept whole, so its UID is the same in every range.
        ProductPolicy night = checkout("Sun 22:00-02:00").build();
        CalendarEvent.Timed sunday = (CalendarEvent.Timed) ReleaseCalendar.events(night, WEEK).get(0);
        assertEquals(Instant.parse("2026-11-30T03:00:00Z"), sunday.start()); // Sunday 22:00, before the range
        assertEquals(1, ReleaseCalendar.events(night, new CalendarRange(WEEK.to(), WEEK.to())).size());
    }

    @Test
    public void aHoldStandsUntilItExpiresOrTheRangeEnds() {
        ProductPolicy p = checkout("Mon-Thu 08:00-16:00").build();
        Instant placed = Instant.parse("2026-12-01T14:00:00Z");
        Hold expiring = new Hold("hold-3", Optional.of("Check Out"), ALICE, "DB migration", placed,
                Optional.of(Instant.parse("2026-12-01T20:00:00Z")));
        CalendarEvent.Timed e = (CalendarEvent.Timed) ReleaseCalendar.hold(p, expiring, WEEK).get(0);
        assertEquals("Check Out: hold by Alice Archer, no releases", e.summary());
        assertEquals(placed, e.start());
        assertEquals(Instant.parse("2026-12-01T20:00:00Z"), e.end());
        assertEquals("check-out-hold-hold-3@release-gate", e.uid());
        assertEquals("DB migration. Placed Tue 2026-12-01 09:00 EST by Alice Archer; expires Tue 2026-12-01 15:00 EST. "
                + "No release candidate and no production release of Check Out while it stands.", e.description());
        Hold standing = new Hold("hold-4", Optional.empty(), ALICE, "audit", placed, Optional.empty());
        CalendarEvent.Timed open = (CalendarEvent.Timed) ReleaseCalendar.hold(p, standing, WEEK).get(0);
        assertEquals(WEEK.end(NY), open.end());
        assertTrue(open.description().contains("; until lifted."));
        Hold late = new Hold("hold-5", Optional.empty(), ALICE, "later", Instant.parse("2026-12-10T14:00:00Z"),
                Optional.empty());
        assertEquals(List.of(), ReleaseCalendar.hold(p, late, WEEK));
        Hold over = new Hold("hold-6", Optional.empty(), ALICE, "over", Instant.parse("2026-11-20T14:00:00Z"),
                Optional.of(Instant.parse("2026-11-30T05:00:00Z"))); // expired at the range's first instant
        assertEquals(List.of(), ReleaseCalendar.hold(p, over, WEEK));
        Hold longer = new Hold("hold-7", Optional.empty(), ALICE, "long", placed,
                Optional.of(Instant.parse("2027-01-10T00:00:00Z")));
        assertEquals(WEEK.end(NY), ((CalendarEvent.Timed) ReleaseCalendar.hold(p, longer, WEEK).get(0)).end());
    }

    @Test
    public void theRangeIsCheckedWithAFix() {
        PolicyException reversed = assertThrows(PolicyException.class,
                () -> new CalendarRange(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 30)));
        assertEquals("The calendar ends 2026-11-30 before it starts 2026-12-01: give a --to on or after --from",
                reversed.getMessage());
        assertThrows(PolicyException.class, () -> new CalendarRange(LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 2)));
        assertEquals(LocalDate.of(2031, 1, 1), new CalendarRange(LocalDate.of(2026, 1, 1), LocalDate.of(2031, 1, 1)).to());
        CalendarRange day = new CalendarRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30));
        assertEquals(Instant.parse("2026-11-30T05:00:00Z"), day.start(NY));
        assertEquals(Instant.parse("2026-12-01T05:00:00Z"), day.end(NY));
    }

    @Test
    public void eventsRefuseToEndBeforeTheyStart() {
        Instant t = Instant.parse("2026-11-30T13:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new CalendarEvent.Timed("u", "s", "d", t, t, NY));
        assertThrows(IllegalArgumentException.class, () -> new CalendarEvent.AllDay("u", "s", "d",
                LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1)));
        assertEquals(LocalDate.of(2026, 12, 1), new CalendarEvent.AllDay("u", "s", "d", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1)).last());
    }

    @Test
    public void fileNamesAndToday() {
        assertEquals("check-out-releases.ics", ReleaseCalendar.fileName("Check Out"));
        assertEquals("all-products-releases.ics", ReleaseCalendar.fileName(null));
        assertEquals(LocalDate.of(2026, 11, 29), ReleaseCalendar.today(Instant.parse("2026-11-30T04:00:00Z"), NY));
    }
}
