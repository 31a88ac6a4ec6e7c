package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.Test;

/** The edges of a window as written: the last minute of an hour and of a day, midnight, leading and trailing spaces. */
public class WindowEdgesTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static SpecException error(String window) {
        return assertThrows(SpecException.class, () -> ProductionWindow.parse(window, NY));
    }

    @Test
    public void lateEveningTimesAndMinuteFiftyNineAreAccepted() {
        ProductionWindow w = ProductionWindow.parse("Mon 23:00-23:59", NY);
        assertEquals(23 * 60, w.getStartMinute());
        assertEquals(23 * 60 + 59, w.getEndMinute());
        assertEquals("Mon 23:00-23:59 America/New_York", w.toString());
    }

    @Test
    public void minuteSixtyAndHourTwentyFourAreRefused() {
        assertEquals("\"Mon 08:60-09:00\": expected a time from 00:00 to 23:59 at column 5",
                error("Mon 08:60-09:00").getMessage());
        assertEquals("\"Mon 08:00-09:60\": expected a time from 00:00 to 23:59 (or 24:00 as an end) at column 11",
                error("Mon 08:00-09:60").getMessage());
        assertTrue(error("Mon 24:00-08:00").getMessage().contains("expected a time from 00:00 to 23:59 at column 5"));
    }

    @Test
    public void windowFromMidnightOpensAtMidnight() {
        ProductionWindow w = ProductionWindow.parse("Mon 00:00-08:00", NY);
        assertEquals(0, w.getStartMinute());
        assertFalse(w.crossesMidnight());
        assertTrue(w.contains(LocalDateTime.parse("2026-11-30T00:00")));
        assertFalse(w.contains(LocalDateTime.parse("2026-11-29T23:59")));
    }

    @Test
    public void windowUntilMidnightClosesAtMidnight() {
        ProductionWindow w = ProductionWindow.parse("Mon 22:00-24:00", NY);
        assertFalse(w.crossesMidnight());
        assertTrue(w.contains(LocalDateTime.parse("2026-11-30T23:59:59")));
        assertFalse(w.contains(LocalDateTime.parse("2026-12-01T00:00")));
    }

    @Test
    public void timesOutsideTheDayAreRefusedWhenBuiltDirectly() {
        EnumSet<DayOfWeek> monday = EnumSet.of(DayOfWeek.MONDAY);
        assertThrows(IllegalArgumentException.class, () -> new ProductionWindow(monday, "Mon", -1, 60, NY));
        assertThrows(IllegalArgumentException.class, () -> new ProductionWindow(monday, "Mon", 24 * 60, 60, NY));
        assertThrows(IllegalArgumentException.class, () -> new ProductionWindow(monday, "Mon", 60, 0, NY));
        assertThrows(IllegalArgumentException.class, () -> new ProductionWindow(monday, "Mon", 60, 24 * 60 + 1, NY));
        assertThrows(IllegalArgumentException.class, () -> new ProductionWindow(monday, "Mon", 60, 60, NY));
        assertThrows(IllegalArgumentException.class,
                () -> new ProductionWindow(EnumSet.noneOf(DayOfWeek.class), "", 60, 120, NY));
        assertEquals(0, new ProductionWindow(monday, "Mon", 0, 24 * 60, NY).getStartMinute());
        assertEquals(24 * 60 - 1, new ProductionWindow(monday, "Mon", 24 * 60 - 1, 1, NY).getStartMinute());
        assertEquals(1, new ProductionWindow(monday, "Mon", 24 * 60 - 1, 1, NY).getEndMinute());
    }

    @Test
    public void leadingSpacesBeforeTheDaysAreSkipped() {
        ProductionWindow w = ProductionWindow.parse("   Tue 08:00-09:00", NY);
        assertEquals(EnumSet.of(DayOfWeek.TUESDAY), w.getDays());
        assertEquals("Tue 08:00-09:00 America/New_York", w.toString());
    }

    @Test
    public void windowCutShortNamesWhatIsMissing() {
        assertEquals("\"Mon-Th\": expected a day name (Mon, Tue, Wed, Thu, Fri, Sat or Sun) at column 5",
                error("Mon-Th").getMessage());
        assertEquals("\"Mon 08:00-16:0\": expected HH:MM at column 11", error("Mon 08:00-16:0").getMessage());
        assertEquals("\"Mon   \": expected HH:MM at column 7", error("Mon   ").getMessage());
        assertEquals("\"Mon 08:00-16:00   \": A time zone is required: use an IANA id such as America/New_York"
                + " (column 19)", error("Mon 08:00-16:00   ").getMessage());
    }

    @Test
    public void emptyWindowNamesTheColumnOfItsStart() {
        assertEquals("\"Mon-Fri  08:00-08:00\": the window opens and closes at 08:00 (column 10); "
                + "write 00:00-24:00 for a whole day", error("Mon-Fri  08:00-08:00").getMessage());
        assertEquals(9, error("Mon-Fri  08:00-08:00").getErrorIndex());
    }

    @Test
    public void windowsDifferingInAnyPartAreNotEqual() {
        ProductionWindow w = ProductionWindow.parse("Mon 08:00-16:00", NY);
        assertEquals(w, ProductionWindow.parse("mon 08:00-16:00 America/New_York", BERLIN));
        assertEquals(w.hashCode(), ProductionWindow.parse("mon 08:00-16:00 America/New_York", BERLIN).hashCode());
        assertNotEquals(w, ProductionWindow.parse("Tue 08:00-16:00", NY));
        assertNotEquals(w, ProductionWindow.parse("Mon 09:00-16:00", NY));
        assertNotEquals(w, ProductionWindow.parse("Mon 08:00-17:00", NY));
        assertNotEquals(w, ProductionWindow.parse("Mon 08:00-16:00", BERLIN));
        assertNotEquals(w, "Mon 08:00-16:00 America/New_York");
    }

    @Test
    public void specsWithDifferentWindowsAreNotEqual() {
        WindowSpec spec = WindowSpec.parse("Mon 08:00-16:00; Fri 08:00-12:00", NY);
        assertEquals(spec, WindowSpec.of(List.of(ProductionWindow.parse("Mon 08:00-16:00", NY),
                ProductionWindow.parse("Fri 08:00-12:00", NY))));
        assertEquals(spec.hashCode(), WindowSpec.parse(spec.toString(), BERLIN).hashCode());
        assertNotEquals(spec, WindowSpec.parse("Mon 08:00-16:00", NY));
        assertNotEquals(spec, spec.toString());
    }

    @Test
    public void windowWhollyInsideTheSpringGapHasNoInstant() {
        // 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT, so 02:00-02:30 never shows on a clock.
        assertEquals(List.of(), Span.ofLocal(NY.getRules(), LocalDateTime.parse("2026-03-08T02:00"),
                LocalDateTime.parse("2026-03-08T02:30")));
    }

    @Test
    public void repeatedHourOfFallBackIsOneStretch() {
        // 2026-11-01 in New York: 01:00-02:00 happens in EDT (05:00Z-06:00Z) and again in EST (06:00Z-07:00Z).
        assertEquals(List.of(new Span(Instant.parse("2026-11-01T05:00:00Z").getEpochSecond(),
                        Instant.parse("2026-11-01T07:00:00Z").getEpochSecond())),
                Span.ofLocal(NY.getRules(), LocalDateTime.parse("2026-11-01T01:00"),
                        LocalDateTime.parse("2026-11-01T02:00")));
    }

    @Test
    public void spanIncludesItsStartAndExcludesItsEnd() {
        Span s = new Span(100, 200);
        assertTrue(s.contains(100));
        assertTrue(s.contains(199));
        assertFalse(s.contains(99));
        assertFalse(s.contains(200));
    }
}
