package org.releasegate.hold;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.Test;

/** The expiry forms people type when they place a hold. */
public class HoldExpiryParseTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private static final ZoneId NY = ZoneId.of("America/New_York");

    @Test
    public void nothingMeansUntilLifted() {
        assertEquals(Optional.empty(), HoldExpiry.parse(null, NOW, NY));
        assertEquals(Optional.empty(), HoldExpiry.parse("  ", NOW, NY));
    }

    @Test
    public void aTimeFromNowInCoresAgeForm() {
        assertEquals(Optional.of(Instant.parse("2026-11-27T19:00:00Z")), HoldExpiry.parse("4h", NOW, NY));
        assertEquals(Optional.of(Instant.parse("2026-11-29T15:00:00Z")), HoldExpiry.parse("2d", NOW, NY));
        assertEquals(Optional.of(Instant.parse("2026-11-29T03:00:00Z")), HoldExpiry.parse("1d12h", NOW, NY));
    }

    @Test
    public void aLocalDateTimeIsReadInTheZoneGiven() {
        assertEquals(Optional.of(Instant.parse("2026-11-30T13:00:00Z")),
                HoldExpiry.parse("2026-11-30T08:00", NOW, NY));
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:00:00Z")),
                HoldExpiry.parse("2026-11-30T08:00", NOW, ZoneId.of("Europe/Berlin")));
    }

    @Test
    public void anOffsetOrZIsExact() {
        assertEquals(Optional.of(Instant.parse("2026-11-30T08:00:00Z")),
                HoldExpiry.parse("2026-11-30T08:00:00Z", NOW, NY));
        assertEquals(Optional.of(Instant.parse("2026-11-30T13:00:00Z")),
                HoldExpiry.parse("2026-11-30T08:00-05:00", NOW, NY));
    }

    @Test
    public void unreadableInputQuotesItAndNamesTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoldExpiry.parse("4 hours", NOW, NY));
        assertTrue(e.getMessage(), e.getMessage().contains("\"4 hours\""));
        assertTrue(e.getMessage(), e.getMessage().contains("4h, 2d, 1d12h"));
        assertTrue(e.getMessage(), e.getMessage().contains("America/New_York"));
        assertThrows(IllegalArgumentException.class, () -> HoldExpiry.parse("next week", NOW, NY));
        assertThrows(IllegalArgumentException.class, () -> HoldExpiry.parse("0h", NOW, NY));
    }

    @Test
    public void theExpiryMustBeInTheFuture() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoldExpiry.parse("2026-11-27T10:00", NOW, NY));
        assertTrue(e.getMessage(), e.getMessage().contains("not after now"));
    }
}
