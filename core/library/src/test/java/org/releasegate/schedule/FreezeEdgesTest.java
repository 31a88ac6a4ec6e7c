package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import org.junit.Test;

/** Freezes as people write them: spaces, cut-short dates, and several freezes in any order, overlapping or touching. */
public class FreezeEdgesTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static Schedule everyDay(String... freezes) {
        return new Schedule(WindowSpec.parse("Mon-Sun 08:00-16:00", NY), Arrays.stream(freezes).map(Freeze::parse).toList(),
                NY);
    }

    @Test
    public void leadingSpacesBeforeTheDateAreSkipped() {
        Freeze f = Freeze.parse("  2026-11-26 Thanksgiving");
        assertEquals("2026-11-26 Thanksgiving", f.toString());
    }

    @Test
    public void blankOrCutShortFreezesNameWhatIsMissing() {
        assertEquals("\"   \": expected a date range YYYY-MM-DD..YYYY-MM-DD (or one YYYY-MM-DD) and a reason at column 4",
                assertThrows(SpecException.class, () -> Freeze.parse("   ")).getMessage());
        assertEquals("\"2026-12-21..2027\": expected a date range YYYY-MM-DD..YYYY-MM-DD (or one YYYY-MM-DD) and a reason"
                + " at column 13", assertThrows(SpecException.class, () -> Freeze.parse("2026-12-21..2027")).getMessage());
        assertEquals("\"2026-11\": expected a date range YYYY-MM-DD..YYYY-MM-DD (or one YYYY-MM-DD) and a reason"
                + " at column 1", assertThrows(SpecException.class, () -> Freeze.parse("2026-11")).getMessage());
    }

    @Test
    public void freezesDifferingInAnyPartAreNotEqual() {
        Freeze f = Freeze.parse("2026-12-21..2027-01-04 Holiday freeze");
        assertEquals(f, Freeze.parse(" 2026-12-21..2027-01-04   Holiday freeze "));
        assertEquals(f.hashCode(), Freeze.parse("2026-12-21..2027-01-04 Holiday freeze").hashCode());
        assertNotEquals(f, Freeze.parse("2026-12-22..2027-01-04 Holiday freeze"));
        assertNotEquals(f, Freeze.parse("2026-12-21..2027-01-05 Holiday freeze"));
        assertNotEquals(f, Freeze.parse("2026-12-21..2027-01-04 Year-end freeze"));
        assertNotEquals(f, f.toString());
    }

    @Test
    public void freezesGivenOutOfDateOrderAllClose() {
        // Listed newest first: the earlier freeze must still close its day.
        Schedule s = everyDay("2026-12-10 Audit", "2026-12-01 Migration");
        WindowStatus dec1 = s.evaluate(Instant.parse("2026-12-01T15:00:00Z"));
        assertFalse(dec1.open());
        assertEquals(Optional.of(Instant.parse("2026-12-02T13:00:00Z")), dec1.nextOpening());
        WindowStatus dec10 = s.evaluate(Instant.parse("2026-12-10T15:00:00Z"));
        assertFalse(dec10.open());
        assertEquals(Optional.of(Instant.parse("2026-12-11T13:00:00Z")), dec10.nextOpening());
        assertTrue(s.evaluate(Instant.parse("2026-12-05T15:00:00Z")).open());
    }

    @Test
    public void freezesWithOpenDaysBetweenStaySeparate() {
        Schedule s = everyDay("2026-12-01 Migration", "2026-12-03 Audit");
        WindowStatus dec1 = s.evaluate(Instant.parse("2026-12-01T15:00:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-12-02T13:00:00Z")), dec1.nextOpening());
        WindowStatus dec2 = s.evaluate(Instant.parse("2026-12-02T15:00:00Z"));
        assertTrue(dec2.open());
        assertEquals(Optional.of(Instant.parse("2026-12-02T21:00:00Z")), dec2.closesAt());
        assertEquals(Duration.ofDays(2), s.frozenBetween(Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-05T00:00:00Z")));
    }

    @Test
    public void touchingFreezesCloseEveryDayTheyCover() {
        Schedule s = everyDay("2026-12-02..2026-12-03 Audit", "2026-12-01 Migration", "2026-12-04..2026-12-04 Cutover");
        for (String day : new String[] {"01", "02", "03", "04"}) {
            assertFalse(day, s.evaluate(Instant.parse("2026-12-" + day + "T15:00:00Z")).open());
        }
        assertEquals(Optional.of(Instant.parse("2026-12-05T13:00:00Z")),
                s.evaluate(Instant.parse("2026-12-01T15:00:00Z")).nextOpening());
        assertEquals(Duration.ofDays(4), s.frozenBetween(Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-10T00:00:00Z")));
    }

    @Test
    public void overlappingFreezesCountOnce() {
        Schedule s = everyDay("2026-12-05..2026-12-08 Audit", "2026-12-01..2026-12-06 Migration");
        assertEquals(Duration.ofDays(8).plusHours(0), s.frozenBetween(Instant.parse("2026-11-30T00:00:00Z"),
                Instant.parse("2026-12-20T00:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-12-09T13:00:00Z")),
                s.evaluate(Instant.parse("2026-12-03T15:00:00Z")).nextOpening());
    }
}
