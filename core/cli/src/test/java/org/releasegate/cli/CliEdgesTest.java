package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The command line at its edges: output written before exit, the --count bound, --version, a file's problems in order. */
public class CliEdgesTest {
    private static final String SEED = "Mon-Thu 08:00-16:00 America/New_York";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** As main runs it: streams that buffer, and System.exit right after, so whatever is not flushed is lost. */
    private static String[] runBuffered(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReleaseGateCommand.commandLine(new ReleaseGateCommand(Clock.fixed(CliRun.NOW, CliRun.CALLER_ZONE)))
                .setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))))
                .setErr(new PrintWriter(new BufferedWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8))))
                .execute(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    public void everythingPrintedIsWrittenBeforeTheCommandReturns() {
        String[] check = runBuffered("check", "--window", SEED);
        assertEquals("0", check[0]);
        assertEquals(CliRun.run("check", "--window", SEED).out, check[1]);
        String[] windows = runBuffered("windows", "--window", SEED, "--count", "2");
        assertEquals(CliRun.run("windows", "--window", SEED, "--count", "2").out, windows[1]);
        String[] unknownOption = runBuffered("check", "--bogus");
        assertEquals("2", unknownOption[0]);
        assertTrue(unknownOption[2], unknownOption[2].startsWith("release-gate: Unknown option: '--bogus'"));
        String[] badWindow = runBuffered("check", "--window", "Mon 8-16");
        assertEquals("2", badWindow[0]);
        assertTrue(badWindow[2], badWindow[2].startsWith("release-gate: "));
        assertTrue(badWindow[2], badWindow[2].contains("expected HH:MM"));
    }

    @Test
    public void countListsUpToOneHundredWindowsHoweverFarAhead() {
        CliRun hundred = CliRun.run("windows", "--window", SEED, "--count", "100", "--format", "json");
        assertEquals(hundred.toString(), ReleaseGateCommand.OK, hundred.exitCode);
        assertEquals(100, hundred.json().size());
        // 25 weeks of Mon-Thu, one after the other: not only what one 16-day look ahead finds.
        assertEquals("2026-11-26T08:00:00-05:00", hundred.json().get(0).get("opens").asText());
        assertEquals("2026-11-30T08:00:00-05:00", hundred.json().get(1).get("opens").asText());
        assertEquals("2027-05-19T08:00:00-04:00", hundred.json().get(99).get("opens").asText());
        assertEquals("2027-05-19T16:00:00-04:00", hundred.json().get(99).get("closes").asText());
        CliRun.run("windows", "--window", SEED, "--count", "101").assertBadInput("--count must be from 1 to 100, not 101");
    }

    @Test
    public void versionOutsideAJarSaysItIsADevelopmentBuild() {
        CliRun run = CliRun.run("--version");
        assertEquals(ReleaseGateCommand.OK, run.exitCode);
        assertEquals("release-gate (development build)\n", run.out);
    }

    @Test
    public void holdReasonsMayHoldColons() {
        CliRun run = CliRun.run("check", "--window", SEED, "--hold", " alice : DB migration: step 2 ");
        assertTrue(run.toString(), run.out.contains("hold by alice: DB migration: step 2"));
        CliRun.run("check", "--window", SEED, "--hold", ":").assertBadInput("cannot read the hold \":\"");
    }

    private Path write(String yaml) throws IOException {
        Path file = tmp.newFile().toPath();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void aSettingGivenTwiceNamesTheLineOfTheFirst() throws IOException {
        Path file = write(String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    products:",
                "      - name: checkout",
                "        slackChannel: \"#checkout\"",
                "        slackChannel: \"#releases\"",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals(file + ":6:9: products[0]: duplicate key 'slackChannel': it is already set on line 5\n", run.err);
    }

    @Test
    public void problemsAreListedInLineOrderWhateverOrderTheyAreFound() throws IOException {
        Path file = write(String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    products:",
                "      - name: checkout",
                "        productionWindows: \"Mon 8-16\"",
                "        bogus: 1",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        String[] lines = run.err.split("\n");
        assertEquals(run.err, 2, lines.length);
        assertTrue(run.err, lines[0].startsWith(file + ":5:"));
        assertTrue(run.err, lines[1].startsWith(file + ":6:"));
    }
}
