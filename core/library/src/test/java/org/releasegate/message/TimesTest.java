package org.releasegate.message;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.Test;

public class TimesTest {
    @Test
    public void localWithUtcBesideIt() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertEquals("Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC)", Times.format(Instant.parse("2026-11-30T13:00:00Z"), ny));
        assertEquals("Tue 2026-07-07 20:00 EDT (2026-07-08 00:00 UTC)", Times.format(Instant.parse("2026-07-08T00:00:00Z"), ny));
    }

    @Test
    public void ages() {
        assertEquals("8d 2h", Times.age(Duration.ofHours(194)));
        assertEquals("5h 12m", Times.age(Duration.ofMinutes(312)));
        assertEquals("40m", Times.age(Duration.ofMinutes(40)));
        assertEquals("0m", Times.age(Duration.ofSeconds(-5)));
    }
}
