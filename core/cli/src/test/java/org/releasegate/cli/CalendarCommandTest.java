package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code calendar}: the production windows as an iCalendar file, and its bad inputs. */
public class CalendarCommandTest {
    private static final String SEED = "Mon-Thu 08:00-16:00";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static long count(String ics, String line) {
        return Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(line)).count();
    }

    @Test
    public void oneEventForEachOpenStretchAndEachFreeze() {
        CliRun run = CliRun.run("calendar", "--window", SEED, "--freeze", "2026-12-03 Release party", "--from",
                "2026-11-30", "--to", "2026-12-06");
        assertEquals(run.err, ReleaseGateCommand.OK, run.exitCode);
        assertTrue(run.out.startsWith("BEGIN:VCALENDAR\r\n"));
        assertEquals(3, count(run.out, "SUMMARY:default: production open")); // Mon-Wed; Thursday is frozen
        assertEquals(1, count(run.out, "SUMMARY:default: Release party\\, no production releases"));
        assertEquals(1, count(run.out, "BEGIN:VTIMEZONE"));
        assertThat(run.out, containsString("DTSTART;TZID=America/New_York:20261130T080000\r\n"));
        assertThat(run.out, containsString("DTSTAMP:20261126T150000Z\r\n")); // the command's clock
    }

    @Test
    public void writesTheFileGivenWithOutput() throws IOException {
        Path file = tmp.getRoot().toPath().resolve("checkout.ics");
        CliRun run = CliRun.run("calendar", "--window", SEED, "--from", "2026-11-30", "--to", "2026-11-30",
                "--output", file.toString());
        assertEquals(run.err, ReleaseGateCommand.OK, run.exitCode);
        assertEquals("", run.out);
        String ics = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(1, count(ics, "BEGIN:VEVENT"));
    }

    @Test
    public void everyProductWithoutProduct() {
        CliRun run = CliRun.run("calendar", "--from", "2026-11-30", "--to", "2026-12-06");
        assertEquals(run.err, ReleaseGateCommand.OK, run.exitCode);
        assertTrue(count(run.out, "SUMMARY:checkout: production open") > 0);
        assertTrue(count(run.out, "SUMMARY:search: production open") > 0);
        assertThat(run.out, containsString("X-WR-CALNAME:Release Gate production windows"));
        CliRun one = CliRun.run("calendar", "--product", "search", "--from", "2026-11-30", "--to", "2026-12-06");
        assertEquals(0, count(one.out, "SUMMARY:checkout"));
        assertThat(one.out, containsString("X-WR-CALNAME:search production windows"));
    }

    @Test
    public void toBeforeFromExitsTwo() {
        CliRun run = CliRun.run("calendar", "--window", SEED, "--from", "2026-12-01", "--to", "2026-11-30");
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals("release-gate: The calendar ends 2026-11-30 before it starts 2026-12-01: give a --to on or after "
                + "--from\n", run.err);
        assertEquals("", run.out);
    }

    @Test
    public void moreThanFiveYearsExitsTwo() {
        CliRun run = CliRun.run("calendar", "--window", SEED, "--from", "2026-01-01", "--to", "2031-01-02");
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertThat(run.err, containsString("covers more than 5 years: ask for at most 5 years at a time (to "
                + "2031-01-01 at the latest)"));
        assertEquals(ReleaseGateCommand.OK, CliRun.run("calendar", "--window", SEED, "--from", "2026-01-01", "--to",
                "2031-01-01", "--output", tmp.getRoot().toPath().resolve("five.ics").toString()).exitCode);
    }

    @Test
    public void aDateThatIsNotOneExitsTwo() {
        CliRun run = CliRun.run("calendar", "--window", SEED, "--from", "30/11/2026", "--to", "2026-12-06");
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertThat(run.err, containsString("'30/11/2026' is not a date: write it as YYYY-MM-DD, such as 2026-12-01"));
        CliRun missing = CliRun.run("calendar", "--window", SEED, "--from", "2026-11-30");
        assertEquals(ReleaseGateCommand.BAD_INPUT, missing.exitCode);
        assertThat(missing.err, containsString("--to"));
        assertFalse(missing.out.contains("BEGIN:VCALENDAR"));
    }
}
