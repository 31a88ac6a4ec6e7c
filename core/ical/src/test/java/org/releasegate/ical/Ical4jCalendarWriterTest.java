package org.releasegate.ical;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.Test;
import org.releasegate.calendar.CalendarEvent;
import org.releasegate.calendar.CalendarRange;
import org.releasegate.calendar.CalendarWriter;
import org.releasegate.calendar.ReleaseCalendar;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.OpenPeriod;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.WindowSpec;

/**
 * The written file read back with ical4j: every open stretch core computes over two years (both daylight-saving
 * changes each year) is one event with the same start and end instants, in three zones.
 */
public class Ical4jCalendarWriterTest {
    private static final CalendarRange TWO_YEARS = new CalendarRange(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
    private static final Instant STAMP = Instant.parse("2026-11-30T09:00:00Z");

    private static ProductPolicy product(String name, String zone, String windows, String runway, String... freezes) {
        ZoneId z = ZoneId.of(zone);
        return ProductPolicy.builder(name).zone(z).windows(WindowSpec.parse(windows, z))
                .freezes(List.of(freezes).stream().map(Freeze::parse).toList()).runway(Runway.parse(runway)).build();
    }

    private static final List<ProductPolicy> PRODUCTS = List.of(
            product("checkout", "America/New_York", "Mon-Thu 08:00-16:00; Sat 22:00-03:00", "30m",
                    "2026-11-26 Thanksgiving", "2026-12-21..2027-01-04 Holiday freeze"),
            product("search", "Europe/Berlin", "Mon-Fri 09:00-12:00; Mon-Fri 12:00-17:00; Sun 01:30-03:30", "0",
                    "2027-03-29..2027-04-02 Easter week"),
            product("payments", "Australia/Sydney", "Tue-Thu 10:00-15:00; Sun 01:00-04:00", "1h",
                    "2026-12-24..2027-01-01 Summer break"));

    private static Calendar readBack(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Instant instant(Temporal t) {
        return t instanceof ZonedDateTime z ? z.toInstant() : Instant.from(t);
    }

    private static String text(Component c, String property) {
        return c.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    public void everyOpenStretchOfTwoYearsReadsBackAsCoreComputesIt() throws Exception {
        CalendarWriter writer = CalendarWriter.load();
        assertTrue(writer instanceof Ical4jCalendarWriter);
        for (ProductPolicy p : PRODUCTS) {
            String ics = writer.write(p.getName() + " releases", ReleaseCalendar.events(p, TWO_YEARS), STAMP);
            Calendar back = readBack(ics);
            List<VEvent> open = new ArrayList<>();
            List<VEvent> frozen = new ArrayList<>();
            for (VEvent e : back.<VEvent>getComponents(Component.VEVENT)) {
                (text(e, Property.SUMMARY).equals(p.getName() + ": production open") ? open : frozen).add(e);
            }
            List<OpenPeriod> expected = new ArrayList<>();
            ZoneId zone = p.getZone();
            for (Iterator<OpenPeriod> it = p.getSchedule().openPeriods(TWO_YEARS.start(zone)); it.hasNext(); ) {
                OpenPeriod period = it.next();
                if (!period.opens().isBefore(TWO_YEARS.end(zone))) {
                    break;
                }
                expected.add(period);
            }
            assertTrue(p.getName(), expected.size() > 150);
            assertEquals(p.getName(), expected.size(), open.size());
            for (int i = 0; i < expected.size(); i++) {
                VEvent e = open.get(i);
                Temporal start = e.getDateTimeStart().getDate();
                Temporal end = e.getDateTimeEnd().getDate();
                assertEquals(p.getName() + " #" + i, expected.get(i).opens(), instant(start));
                assertEquals(p.getName() + " #" + i, expected.get(i).closes().orElseThrow(), instant(end));
                assertEquals(zone.getId(), e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
                assertEquals(STAMP, instant(e.getDateStamp().orElseThrow().getDate()));
            }
            // One VTIMEZONE, for the product's zone, which ical4j resolves to the same rules.
            List<VTimeZone> zones = back.getComponents(Component.VTIMEZONE);
            assertEquals(1, zones.size());
            assertEquals(zone.getId(), text(zones.get(0), Property.TZID));
            assertFalse(frozen.isEmpty());
        }
    }

    @Test
    public void freezesAreAllDayEventsWithTheirReason() throws Exception {
        ProductPolicy checkout = PRODUCTS.get(0);
        Calendar back = readBack(CalendarWriter.load().write("checkout releases",
                ReleaseCalendar.events(checkout, TWO_YEARS), STAMP));
        List<VEvent> freezes = back.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> text(e, Property.SUMMARY).endsWith("no production releases")).toList();
        assertEquals(List.of("checkout: Thanksgiving, no production releases",
                "checkout: Holiday freeze, no production releases"),
                freezes.stream().map(e -> text(e, Property.SUMMARY)).toList());
        VEvent holiday = freezes.get(1);
        assertEquals(LocalDate.of(2026, 12, 21), holiday.getDateTimeStart().getDate());
        assertEquals(LocalDate.of(2027, 1, 5), holiday.getDateTimeEnd().getDate()); // DTEND is exclusive
        assertEquals("DATE", holiday.getDateTimeStart().getParameter("VALUE").orElseThrow().getValue());
    }

    @Test
    public void theRunwayCutOffIsInTheDescription() throws Exception {
        ProductPolicy checkout = PRODUCTS.get(0);
        Calendar back = readBack(CalendarWriter.load().write("checkout releases", ReleaseCalendar.events(checkout,
                new CalendarRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30))), STAMP));
        VEvent monday = back.<VEvent>getComponents(Component.VEVENT).get(0);
        assertEquals("Production releases of checkout may happen until production closes at Mon 2026-11-30 16:00 EST. "
                + "Cut-off: a production release needs 30 minutes, so the last start is 15:30 EST.",
                text(monday, Property.DESCRIPTION));
    }

    @Test
    public void theSameStretchKeepsItsUidAndTheFileIsStable() {
        ProductPolicy search = PRODUCTS.get(1);
        CalendarWriter writer = CalendarWriter.load();
        String first = writer.write("search releases", ReleaseCalendar.events(search, TWO_YEARS), STAMP);
        String again = writer.write("search releases", ReleaseCalendar.events(search, TWO_YEARS), STAMP);
        assertEquals(first, again);
        // A shorter range shares its events' UIDs with the longer one: re-importing updates them.
        Set<String> uids = uids(first);
        Set<String> march = uids(writer.write("search releases", ReleaseCalendar.events(search,
                new CalendarRange(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31))), STAMP));
        assertTrue(uids.containsAll(march));
        assertEquals(uids.size(), first.split("BEGIN:VEVENT").length - 1); // every UID is different
        assertTrue(first.contains("\r\n"));
        assertTrue(first.startsWith("BEGIN:VCALENDAR\r\n"));
    }

    @Test
    public void everyProductInOneFileHasAVTimezoneForEachZone() throws Exception {
        List<CalendarEvent> all = new ArrayList<>();
        for (ProductPolicy p : PRODUCTS) {
            all.addAll(ReleaseCalendar.events(p, new CalendarRange(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30))));
        }
        Calendar back = readBack(CalendarWriter.load().write("all products", all, STAMP));
        Set<String> zones = new TreeSet<>();
        back.<VTimeZone>getComponents(Component.VTIMEZONE).forEach(z -> zones.add(text(z, Property.TZID)));
        assertEquals(Set.of("America/New_York", "Australia/Sydney", "Europe/Berlin"), zones);
        assertEquals("all products", back.getProperty("X-WR-CALNAME").map(Property::getValue).orElseThrow());
        assertEquals(Optional.of("PUBLISH"), back.getProperty(Property.METHOD).map(Property::getValue));
    }

    private static Set<String> uids(String ics) {
        Set<String> uids = new TreeSet<>();
        for (String line : ics.split("\r\n")) {
            if (line.startsWith("UID:")) {
                uids.add(line.substring(4));
            }
        }
        return uids;
    }

    @Test
    public void aHoldStandsAsATimedEvent() throws Exception {
        ProductPolicy checkout = PRODUCTS.get(0);
        org.releasegate.hold.Hold hold = new org.releasegate.hold.Hold("hold-3", Optional.of("checkout"),
                org.releasegate.people.Person.user("alice", "Alice Archer"), "DB migration",
                Instant.parse("2026-11-30T14:00:00Z"), Optional.of(Instant.parse("2026-11-30T20:00:00Z")));
        CalendarRange week = new CalendarRange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
        Calendar back = readBack(CalendarWriter.load().write("checkout releases",
                ReleaseCalendar.hold(checkout, hold, week), STAMP));
        VEvent e = back.<VEvent>getComponents(Component.VEVENT).get(0);
        assertEquals("checkout: hold by Alice Archer, no releases", text(e, Property.SUMMARY));
        assertEquals(Instant.parse("2026-11-30T14:00:00Z"), instant(e.getDateTimeStart().getDate()));
        assertEquals(Duration.ofHours(6), Duration.between(instant(e.getDateTimeStart().getDate()),
                instant(e.getDateTimeEnd().getDate())));
    }
}
