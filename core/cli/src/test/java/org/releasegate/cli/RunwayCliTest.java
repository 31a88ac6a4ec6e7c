package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The runway on the command line: --expected-duration, the policy file's runway, JSON and windows. */
public class RunwayCliTest {
    private static final String SEED = "Mon-Thu 08:00-16:00";
    /** Thursday 2026-11-26 15:48 in New York: twelve minutes before the seed window closes. */
    private static final String LATE = "2026-11-26T20:48:00Z";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path policy(String runway) throws IOException {
        Path file = tmp.newFile("policy.yml").toPath();
        Files.writeString(file, "unclassified:\n  releaseGate:\n    timeZone: America/New_York\n    products:\n"
                + "      - name: checkout\n        productionWindows: \"" + SEED + "\"\n        runway: " + runway + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void expectedDurationWithWindowIsTheRunway() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", LATE, "--expected-duration", "30m");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("The production window closes at 16:00 EST, in 12 minutes; a production "
                + "release of default needs 30 minutes. Next chance: Mon 2026-11-30 08:00 EST.\n"));
        CliRun shorter = CliRun.run("check", "--window", SEED, "--at", LATE, "--expected-duration", "12m");
        assertEquals(shorter.toString(), ReleaseGateCommand.OK, shorter.exitCode);
    }

    @Test
    public void jsonCarriesTheRunwayAndTheLastStart() {
        JsonNode blocked = CliRun.run("check", "--window", SEED, "--at", LATE, "--expected-duration", "30m",
                "--format", "json").json();
        assertEquals("BLOCKED", blocked.get("decision").asText());
        assertEquals("RUNWAY", blocked.get("reasons").get(0).get("code").asText());
        assertEquals("PT30M", blocked.get("runway").asText());
        assertEquals("2026-11-26T15:30:00-05:00", blocked.get("lastStart").asText());
        assertEquals("2026-11-30T08:00:00-05:00", blocked.get("nextOpening").asText());
        assertEquals("2026-11-30T08:00:00-05:00", blocked.get("earliestPass").asText());
        assertTrue(blocked.get("windowOpen").asBoolean());

        JsonNode closed = CliRun.run("check", "--window", SEED, "--at", "2026-11-27T15:00:00Z", "--format", "json")
                .json();
        assertEquals("PT0S", closed.get("runway").asText());
        assertTrue(closed.get("lastStart").isNull());
    }

    @Test
    public void thePolicyFilesRunwayApplies() throws IOException {
        Path file = policy("30m");
        CliRun run = CliRun.run("check", "--policy", file.toString(), "--at", LATE);
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("a production release of checkout needs 30 minutes"));
        assertEquals(Duration.ofMinutes(30), PolicyFile.read(file).policy().product("checkout").getRunway());
        // A shorter expected duration cannot shorten the product's runway; a longer one lengthens it.
        assertEquals(ReleaseGateCommand.BLOCKED, CliRun.run("check", "--policy", file.toString(), "--at", LATE,
                "--expected-duration", "5m").exitCode);
        CliRun longer = CliRun.run("check", "--policy", file.toString(), "--at", "2026-11-26T20:00:00Z",
                "--expected-duration", "1h30m");
        assertThat(longer.out, containsString("needs 1 hour 30 minutes"));
    }

    @Test
    public void aRunwayInWordsIsAProblemOfThePolicyFile() throws IOException {
        CliRun run = CliRun.run("check", "--policy", policy("30 minutes").toString(), "--at", LATE);
        assertEquals(run.toString(), ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertThat(run.err, containsString("products[0].runway"));
        assertThat(run.err, containsString("Cannot read the runway \"30 minutes\": write hours and minutes such as "
                + "30m, 1h or 1h30m (0 for none)"));
        assertEquals("", run.out);
    }

    @Test
    public void aNegativeExpectedDurationExitsTwoNamingTheOption() {
        CliRun run = CliRun.run("check", "--window", SEED, "--expected-duration", "-5m");
        assertEquals(run.toString(), ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertThat(run.err, containsString("--expected-duration: \"-5m\": an expected duration cannot be negative; "
                + "write 0 for none or a duration such as 30m"));
        CliRun words = CliRun.run("windows", "--window", SEED, "--expected-duration", "soon");
        assertEquals(ReleaseGateCommand.BAD_INPUT, words.exitCode);
        assertThat(words.err, containsString("Cannot read the expected duration \"soon\""));
    }

    @Test
    public void windowsListsTheLastStartOfEachOpening() {
        CliRun run = CliRun.run("windows", "--window", SEED + "; Fri 08:00-08:20", "--count", "2", "--zone",
                "America/New_York", "--expected-duration", "30m");
        assertEquals(String.join("\n",
                "Production windows of default from Thu 2026-11-26 10:00 EST, last start for a release of 30 minutes:",
                "            America/New_York",
                "  opened    Thu 2026-11-26 08:00 EST",
                "  start by  Thu 2026-11-26 15:30 EST",
                "  closes    Thu 2026-11-26 16:00 EST",
                "  opens     Fri 2026-11-27 08:00 EST",
                "  start by  too short",
                "  closes    Fri 2026-11-27 08:20 EST", ""), run.out);
        JsonNode json = CliRun.run("windows", "--window", SEED, "--count", "1", "--expected-duration", "30m",
                "--format", "json").json();
        assertEquals("2026-11-26T15:30:00-05:00", json.get(0).get("lastStart").asText());
        JsonNode none = CliRun.run("windows", "--window", SEED, "--count", "1", "--format", "json").json();
        assertFalse(none.get(0).has("lastStart"));
    }
}
