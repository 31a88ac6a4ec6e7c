package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.Test;

public class WindowsCommandTest {
    private static final String SEED = "Mon-Thu 08:00-16:00";

    @Test
    public void textInTheProductsZoneAndTheCallers() {
        CliRun run = CliRun.run("windows", "--window", SEED, "--count", "2");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        // The clock's zone (Berlin) is the caller's; the window open now comes first.
        assertEquals(String.join("\n",
                "Production windows of default from Thu 2026-11-26 10:00 EST:",
                "          America/New_York           Europe/Berlin",
                "  opened  Thu 2026-11-26 08:00 EST   Thu 2026-11-26 14:00 CET",
                "  closes  Thu 2026-11-26 16:00 EST   Thu 2026-11-26 22:00 CET",
                "  opens   Mon 2026-11-30 08:00 EST   Mon 2026-11-30 14:00 CET",
                "  closes  Mon 2026-11-30 16:00 EST   Mon 2026-11-30 22:00 CET", ""), run.out);
    }

    @Test
    public void oneColumnWhenTheZonesAgree() {
        CliRun run = CliRun.run("windows", "--window", SEED, "--count", "1", "--zone", "America/New_York");
        assertEquals(String.join("\n",
                "Production windows of default from Thu 2026-11-26 10:00 EST:",
                "          America/New_York",
                "  opened  Thu 2026-11-26 08:00 EST",
                "  closes  Thu 2026-11-26 16:00 EST", ""), run.out);
    }

    @Test
    public void countAndOrderAsJson() {
        CliRun run = CliRun.run("windows", "--window", SEED, "--from", "2026-11-26T16:00:00-05:00", "--count", "3",
                "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        JsonNode json = run.json();
        assertTrue(json.isArray());
        assertEquals(3, json.size());
        assertEquals("2026-11-30T08:00:00-05:00", json.get(0).get("opens").asText());
        assertEquals("2026-11-30T16:00:00-05:00", json.get(0).get("closes").asText());
        assertEquals("2026-12-01T08:00:00-05:00", json.get(1).get("opens").asText());
        assertEquals("2026-12-02T08:00:00-05:00", json.get(2).get("opens").asText());
        assertEquals("2026-12-02T16:00:00-05:00", json.get(2).get("closes").asText());
    }

    @Test
    public void offsetsFollowDaylightSaving() {
        // US daylight saving ends on Sunday 2026-11-01: 08:00 is -04:00 before it and -05:00 after.
        JsonNode json = CliRun.run("windows", "--window", SEED, "--from", "2026-10-28T00:00:00-04:00", "--count", "4",
                "--format", "json").json();
        assertEquals("2026-10-28T08:00:00-04:00", json.get(0).get("opens").asText());
        assertEquals("2026-10-29T08:00:00-04:00", json.get(1).get("opens").asText());
        assertEquals("2026-11-02T08:00:00-05:00", json.get(2).get("opens").asText());
        assertEquals("2026-11-03T16:00:00-05:00", json.get(3).get("closes").asText());
    }

    @Test
    public void freezesAreCutOut() {
        // The embedded checkout policy freezes 2026-12-21..2027-01-04.
        JsonNode json = CliRun.run("windows", "--product", "checkout", "--from", "2026-12-17T17:00:00-05:00",
                "--count", "1", "--format", "json").json();
        assertEquals("2027-01-05T08:00:00-05:00", json.get(0).get("opens").asText());
    }

    @Test
    public void neverOpens() {
        CliRun run = CliRun.run("windows", "--window", "");
        assertEquals(ReleaseGateCommand.OK, run.exitCode);
        assertEquals("Production never opens for default: it has no window ahead.\n", run.out);
        assertEquals(0, CliRun.run("windows", "--window", "", "--format", "json").json().size());
    }

    @Test
    public void neverIsTheSpellingOfNoWindow() {
        CliRun run = CliRun.run("windows", "--window", "never");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals("Production never opens for default: it has no window ahead.\n", run.out);
        assertEquals(0, CliRun.run("windows", "--window", "NEVER", "--format", "json").json().size());
    }

    @Test
    public void neverBesideAnotherWindowIsBadInput() {
        CliRun.run("windows", "--window", "never", "--window", SEED)
                .assertBadInput("--window never stands alone: it means no window at all");
        CliRun.run("windows", "--window", SEED, "--window", "Never")
                .assertBadInput("--window Never stands alone");
        // A blank --window beside a real one adds nothing and is no contradiction.
        assertEquals(1, CliRun.run("windows", "--window", "", "--window", SEED, "--count", "1", "--format", "json")
                .json().size());
    }

    @Test
    public void neverCloses() {
        JsonNode json = CliRun.run("windows", "--window", "Mon-Sun 00:00-24:00", "--format", "json").json();
        assertEquals(1, json.size());
        assertTrue(json.get(0).get("closes").isNull());
        CliRun text = CliRun.run("windows", "--window", "Mon-Sun 00:00-24:00", "--zone", "America/New_York");
        assertTrue(text.out, text.out.contains("  closes  never\n"));
    }

    @Test
    public void fromDefaultsToTheClock() {
        Clock monday = Clock.fixed(Instant.parse("2026-11-30T22:00:00Z"), ZoneId.of("UTC"));
        JsonNode json = CliRun.run(monday, "windows", "--window", SEED, "--count", "1", "--format", "json").json();
        assertEquals("2026-12-01T08:00:00-05:00", json.get(0).get("opens").asText());
    }
}
