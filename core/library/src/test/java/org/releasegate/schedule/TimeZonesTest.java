package org.releasegate.schedule;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.ZoneId;
import org.junit.Test;

public class TimeZonesTest {
    private static String error(String zone) {
        return assertThrows(SpecException.class, () -> TimeZones.parse(zone)).getMessage();
    }

    @Test
    public void ianaIdsAndUtc() {
        assertEquals(ZoneId.of("America/New_York"), TimeZones.parse("America/New_York"));
        assertEquals(ZoneId.of("America/Argentina/Buenos_Aires"), TimeZones.parse(" America/Argentina/Buenos_Aires "));
        assertEquals(ZoneId.of("UTC"), TimeZones.parse("UTC"));
        assertEquals(ZoneId.of("Etc/GMT+5"), TimeZones.parse("Etc/GMT+5"));
    }

    @Test
    public void abbreviationsNameTheIdToUse() {
        for (String eastern : new String[] {"EST", "EDT", "ET", "est", "EST5EDT"}) {
            String message = error(eastern);
            assertTrue(message, message.startsWith("\"" + eastern + "\" is an abbreviation"));
            assertTrue(message, message.contains("America/New_York"));
        }
        assertTrue(error("PST").contains("America/Los_Angeles"));
        assertTrue(error("CET").contains("Europe/Paris"));
        assertTrue(error("MST").contains("America/Phoenix"));
    }

    @Test
    public void offsetsAndOtherNonRegionsAreRefused() {
        assertTrue(error("+05:00").contains("\"+05:00\" is not an IANA time zone id"));
        assertTrue(error("XYZ").contains("\"XYZ\" is not an IANA time zone id"));
    }

    @Test
    public void unknownRegionNamesTheInput() {
        assertTrue(error("Europe/Atlantis").startsWith("Unknown time zone \"Europe/Atlantis\""));
        assertTrue(error("").contains("A time zone is required"));
    }
}
