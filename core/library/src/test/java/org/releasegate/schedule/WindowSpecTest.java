package org.releasegate.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.Test;

public class WindowSpecTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ProductionWindow one(String spec) {
        List<ProductionWindow> windows = WindowSpec.parse(spec, NY).getWindows();
        assertEquals(1, windows.size());
        return windows.get(0);
    }

    private static SpecException error(String spec) {
        return assertThrows(SpecException.class, () -> WindowSpec.parse(spec, NY));
    }

    @Test
    public void readsTheSeedWindow() {
        ProductionWindow w = one("Mon-Thu 08:00-16:00 America/New_York");
        assertEquals(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), w.getDays());
        assertEquals(8 * 60, w.getStartMinute());
        assertEquals(16 * 60, w.getEndMinute());
        assertEquals(NY, w.getZone());
        assertFalse(w.crossesMidnight());
    }

    @Test
    public void zoneDefaultsToThePolicyZone() {
        assertEquals(BERLIN, WindowSpec.parse("Mon 08:00-16:00", BERLIN).getWindows().get(0).getZone());
        assertEquals(NY, WindowSpec.parse("Mon 08:00-16:00 America/New_York", BERLIN).getWindows().get(0).getZone());
    }

    @Test
    public void dayNamesInAnyCase() {
        assertEquals(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), one("mON-thu 08:00-16:00").getDays());
        assertEquals("Mon-Thu 08:00-16:00 America/New_York", one("mON-thu 08:00-16:00").toString());
    }

    @Test
    public void rangesWrapOverTheWeekend() {
        assertEquals(EnumSet.of(FRIDAY, SATURDAY, SUNDAY, MONDAY), one("Fri-Mon 08:00-16:00").getDays());
        assertEquals(EnumSet.of(SUNDAY), one("Sun-Sun 08:00-16:00").getDays());
    }

    @Test
    public void listsAndMixes() {
        assertEquals(EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), one("Mon,Wed,Fri 08:00-16:00").getDays());
        assertEquals(EnumSet.of(MONDAY, TUESDAY, THURSDAY), one("Mon-Tue,Thu 08:00-16:00").getDays());
    }

    @Test
    public void midnightEndsAndCrossings() {
        assertEquals(24 * 60, one("Fri 22:00-24:00").getEndMinute());
        assertEquals(24 * 60, one("Fri 22:00-00:00").getEndMinute());
        assertEquals(24 * 60, one("Mon-Sun 00:00-24:00").getEndMinute());
        ProductionWindow night = one("Fri 22:00-02:00");
        assertTrue(night.crossesMidnight());
        assertEquals(2 * 60, night.getEndMinute());
    }

    @Test
    public void severalWindowsBySemicolonOrNewLine() {
        WindowSpec spec = WindowSpec.parse("Mon-Thu 08:00-16:00; Fri 08:00-12:00 Europe/Berlin\nSat 10:00-11:00\r\n", NY);
        assertEquals(3, spec.getWindows().size());
        assertEquals(BERLIN, spec.getWindows().get(1).getZone());
        assertEquals("Mon-Thu 08:00-16:00 America/New_York; Fri 08:00-12:00 Europe/Berlin; Sat 10:00-11:00 America/New_York",
                spec.toString());
        assertEquals(spec, WindowSpec.parse(spec.toString(), BERLIN));
    }

    @Test
    public void emptySpecHasNoWindow() {
        assertTrue(WindowSpec.parse("", NY).isEmpty());
        assertTrue(WindowSpec.parse(" ; \n", NY).isEmpty());
    }

    @Test
    public void neverIsTheSpellingOfNoWindow() {
        assertTrue(WindowSpec.parse("never", NY).isEmpty());
        assertTrue(WindowSpec.parse(" NEVER\n", NY).isEmpty());
        assertTrue(WindowSpec.parse("Never;", NY).isEmpty());
        assertEquals("never", WindowSpec.parse("", NY).toString());
        assertEquals(WindowSpec.parse("", NY), WindowSpec.parse(WindowSpec.parse("", NY).toString(), BERLIN));
        assertEquals("never", WindowSpec.NEVER);
        // "never" is no window at all: not the same as a spec with one.
        assertEquals(WindowSpec.of(List.of()), WindowSpec.parse("never", NY));
        assertFalse(WindowSpec.parse("Mon 08:00-09:00", NY).isEmpty());
        assertNotEquals(WindowSpec.parse("Mon 08:00-09:00", NY), WindowSpec.parse("never", NY));
    }

    @Test
    public void neverWithAWindowIsRefusedWhereItStands() {
        SpecException e = error("Mon 08:00-10:00; never");
        assertEquals("\"never\" at column 18 stands alone: it means no window at all; remove it or the other windows",
                e.getMessage());
        assertEquals(17, e.getErrorIndex());
        assertEquals("Mon 08:00-10:00; never", e.getInput());
        assertEquals(0, error("never\nTue 08:00-10:00").getErrorIndex());
        assertEquals(1, error(" Never; never").getErrorIndex());
        assertTrue(error(" Never; never").getMessage().startsWith("\"Never\" at column 2 "));
    }

    @Test
    public void aWordThatOnlyStartsLikeNeverIsAWindowError() {
        assertTrue(error("nevermore").getMessage(), error("nevermore").getMessage().startsWith("\"nevermore\""));
    }

    @Test
    public void hourWithoutMinutesNamesTheColumn() {
        SpecException e = error("Mon-Thu 8-16");
        assertEquals("\"Mon-Thu 8-16\": expected HH:MM at column 9", e.getMessage());
        assertEquals(8, e.getErrorIndex());
        assertEquals("Mon-Thu 8-16", e.getInput());
    }

    @Test
    public void unknownDayNamesTheColumn() {
        assertEquals("\"Mon-Thr 08:00-16:00\": expected a day name (Mon, Tue, Wed, Thu, Fri, Sat or Sun) at column 5",
                error("Mon-Thr 08:00-16:00").getMessage());
        assertTrue(error("Monday 08:00-16:00").getMessage().contains("of three letters at column 1"));
        assertTrue(error("08:00-16:00").getMessage().contains("expected a day name"));
    }

    @Test
    public void missingOrBadTimes() {
        assertEquals("\"Mon\": expected a space and then HH:MM-HH:MM at column 4", error("Mon").getMessage());
        assertEquals("\"Mon 08:00\": expected '-' between the start and end times at column 10",
                error("Mon 08:00").getMessage());
        assertEquals("\"Mon 25:00-26:00\": expected a time from 00:00 to 23:59 at column 5",
                error("Mon 25:00-26:00").getMessage());
        assertTrue(error("Mon 08:00-24:30").getMessage().contains("(or 24:00 as an end) at column 11"));
        assertTrue(error("Mon 24:00-08:00").getMessage().contains("at column 5"));
        assertTrue(error("Mon 08:000-09:00").getMessage().contains("expected HH:MM at column 5"));
        assertTrue(error("Mon 08:00-16:00x").getMessage().contains("expected a space and then a time zone at column 16"));
    }

    @Test
    public void emptyWindowIsRefusedWithTheFix() {
        SpecException e = error("Mon 08:00-08:00");
        assertTrue(e.getMessage(), e.getMessage().contains("opens and closes at 08:00"));
        assertTrue(e.getMessage(), e.getMessage().contains("00:00-24:00"));
    }

    @Test
    public void abbreviatedZoneNamesTheIanaId() {
        SpecException e = error("Mon-Thu 08:00-16:00 EST");
        assertTrue(e.getMessage(), e.getMessage().startsWith("\"Mon-Thu 08:00-16:00 EST\": \"EST\" is an abbreviation"));
        assertTrue(e.getMessage(), e.getMessage().contains("America/New_York"));
        assertTrue(e.getMessage(), e.getMessage().endsWith("(column 21)"));
        assertEquals(20, e.getErrorIndex());
    }

    @Test
    public void unknownZoneNamesTheInput() {
        assertTrue(error("Mon 08:00-16:00 Mars/Olympus_Mons").getMessage().contains("Unknown time zone \"Mars/Olympus_Mons\""));
        assertTrue(error("Mon 08:00-16:00 America/New York").getMessage().contains("expected one time zone id"));
    }

    @Test
    public void errorInALaterWindowPointsIntoTheWholeSpec() {
        SpecException e = error("Mon 08:00-10:00; Tue 8:00-10:00");
        assertEquals("\"Tue 8:00-10:00\": expected HH:MM at column 5 (window 2 of 2)", e.getMessage());
        assertEquals("Mon 08:00-10:00; Tue 8:00-10:00", e.getInput());
        assertEquals(21, e.getErrorIndex());
    }
}
