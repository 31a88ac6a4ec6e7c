package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import org.junit.Test;

public class RunwayTest {
    @Test
    public void readsMinutesHoursAndBoth() {
        assertEquals(Duration.ofMinutes(30), Runway.parse("30m"));
        assertEquals(Duration.ofHours(1), Runway.parse("1h"));
        assertEquals(Duration.ofMinutes(90), Runway.parse("1h30m"));
        assertEquals(Duration.ofMinutes(90), Runway.parse(" 1H 30M "));
        assertEquals(Duration.ofMinutes(90), Runway.parse("90m"));
        assertEquals(Duration.ZERO, Runway.parse("0"));
        assertEquals(Duration.ZERO, Runway.parse("0m"));
        assertEquals(Duration.ofHours(24), Runway.parse("24h"));
    }

    @Test
    public void readsIsoDurationsAsTheJsonWritesThem() {
        assertEquals(Duration.ofMinutes(45), Runway.parse("PT45M"));
        assertEquals(Duration.ZERO, Runway.parse("PT0S"));
    }

    @Test
    public void refusesWordsNamingTheInputAndTheForm() {
        SpecException e = assertThrows(SpecException.class, () -> Runway.parse("30 minutes"));
        assertEquals("Cannot read the runway \"30 minutes\": write hours and minutes such as 30m, 1h or 1h30m "
                + "(0 for none)", e.getMessage());
        assertEquals("30 minutes", e.getInput());
        assertEquals(0, e.getErrorIndex());
        assertThrows(SpecException.class, () -> Runway.parse(""));
        assertThrows(SpecException.class, () -> Runway.parse(null));
        assertThrows(SpecException.class, () -> Runway.parse("m"));
        assertThrows(SpecException.class, () -> Runway.parse("PTxM"));
        assertThrows(SpecException.class, () -> Runway.parse("1d"));
    }

    @Test
    public void refusesNegativeAndTooLong() {
        SpecException negative = assertThrows(SpecException.class, () -> Runway.parse(" -5m", "expected duration"));
        assertEquals("\" -5m\": an expected duration cannot be negative; write 0 for none or a duration such as 30m",
                negative.getMessage());
        assertEquals(1, negative.getErrorIndex());
        SpecException iso = assertThrows(SpecException.class, () -> Runway.parse("-PT5M"));
        assertEquals("\"-PT5M\": a runway cannot be negative; write 0 for none or a duration such as 30m",
                iso.getMessage());
        SpecException isoInside = assertThrows(SpecException.class, () -> Runway.parse("PT-5M"));
        assertEquals("\"PT-5M\": a runway cannot be negative; write 0 for none or a duration such as 30m",
                isoInside.getMessage());
        assertEquals("Cannot read the expected duration \"soon\": write hours and minutes such as 30m, 1h or 1h30m "
                + "(0 for none)", assertThrows(SpecException.class, () -> Runway.parse("soon", "expected duration"))
                .getMessage());
        assertEquals("\"PT25H\": a runway is at most 24h; a release that needs longer should not go through a "
                + "production window", assertThrows(SpecException.class, () -> Runway.parse("PT25H")).getMessage());
        SpecException longer = assertThrows(SpecException.class, () -> Runway.parse("24h1m"));
        assertEquals("\"24h1m\": a runway is at most 24h; a release that needs longer should not go through a "
                + "production window", longer.getMessage());
    }

    @Test
    public void formatsAsItReads() {
        assertEquals("0", Runway.format(Duration.ZERO));
        assertEquals("0", Runway.format(Duration.ofSeconds(59)));
        assertEquals("1m", Runway.format(Duration.ofMinutes(1)));
        assertEquals("45m", Runway.format(Duration.ofMinutes(45)));
        assertEquals("1h", Runway.format(Duration.ofMinutes(60)));
        assertEquals("2h5m", Runway.format(Duration.ofMinutes(125)));
        for (String s : new String[] {"0", "1m", "59m", "1h", "1h1m", "23h59m", "24h"}) {
            assertEquals(s, Runway.format(Runway.parse(s)));
        }
    }

    @Test
    public void wordsForTheConsole() {
        assertEquals("0 minutes", Runway.words(Duration.ZERO));
        assertEquals("0 minutes", Runway.words(Duration.ofMinutes(-3)));
        assertEquals("2 minutes", Runway.words(Duration.ofSeconds(119)));
        assertEquals("1 minute", Runway.words(Duration.ofSeconds(60)));
        assertEquals("1 minute", Runway.words(Duration.ofSeconds(1)));
        assertEquals("1 minute", Runway.words(Duration.ofMillis(1)));
        assertEquals("2 minutes", Runway.words(Duration.ofMillis(60_001)));
        assertEquals("12 minutes", Runway.words(Duration.ofMinutes(12)));
        assertEquals("1 hour", Runway.words(Duration.ofHours(1)));
        assertEquals("2 hours", Runway.words(Duration.ofHours(2)));
        assertEquals("1 hour 1 minute", Runway.words(Duration.ofMinutes(61)));
        assertEquals("2 hours 30 minutes", Runway.words(Duration.ofMinutes(150)));
    }

    @Test
    public void longerNeverShortens() {
        Duration a = Duration.ofMinutes(30);
        Duration b = Duration.ofMinutes(45);
        assertSame(b, Runway.longer(a, b));
        assertSame(b, Runway.longer(b, a));
        Duration same = Duration.ofMinutes(30);
        assertSame(a, Runway.longer(a, same));
    }
}
