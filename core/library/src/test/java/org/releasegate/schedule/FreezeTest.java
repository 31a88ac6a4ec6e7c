package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import org.junit.Test;

public class FreezeTest {
    private static SpecException error(String text) {
        return assertThrows(SpecException.class, () -> Freeze.parse(text));
    }

    @Test
    public void rangeWithReason() {
        Freeze f = Freeze.parse("2026-12-21..2027-01-04 Holiday freeze");
        assertEquals(LocalDate.of(2026, 12, 21), f.getFirst());
        assertEquals(LocalDate.of(2027, 1, 4), f.getLast());
        assertEquals("Holiday freeze", f.getReason());
        assertTrue(f.covers(LocalDate.of(2026, 12, 21)));
        assertTrue(f.covers(LocalDate.of(2027, 1, 4)));
        assertFalse(f.covers(LocalDate.of(2027, 1, 5)));
        assertFalse(f.covers(LocalDate.of(2026, 12, 20)));
        assertEquals("2026-12-21..2027-01-04 Holiday freeze", f.toString());
    }

    @Test
    public void singleDay() {
        Freeze f = Freeze.parse("2026-11-26 Thanksgiving");
        assertEquals(f.getFirst(), f.getLast());
        assertEquals("2026-11-26 Thanksgiving", f.toString());
    }

    @Test
    public void reasonIsRequired() {
        assertEquals("\"2026-12-21..2027-01-04\": expected a space and the reason for the freeze at column 23",
                error("2026-12-21..2027-01-04").getMessage());
        assertTrue(error("2026-12-21   ").getMessage().contains("reason"));
    }

    @Test
    public void endBeforeStart() {
        SpecException e = error("2027-01-04..2026-12-21 Backwards");
        assertTrue(e.getMessage(), e.getMessage().contains("ends 2026-12-21 before it starts 2027-01-04 (column 13)"));
    }

    @Test
    public void malformedDatesNameTheColumn() {
        assertTrue(error("Dec 21 Holidays").getMessage().contains("expected a date range YYYY-MM-DD..YYYY-MM-DD"));
        assertTrue(error("Dec 21 Holidays").getMessage().contains("at column 1"));
        assertTrue(error("2026-12-21..2027-1-4 Holidays").getMessage().contains("at column 13"));
        assertTrue(error("2026-13-01 Nope").getMessage().contains("\"2026-13-01 Nope\""));
    }
}
