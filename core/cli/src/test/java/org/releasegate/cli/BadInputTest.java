package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Every kind of bad input: exit code 2 and one line saying what and how to fix it, never a stack trace. */
public class BadInputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void malformedWindow() {
        CliRun.run("check", "--window", "Mon-Thu 8-16").assertBadInput("\"Mon-Thu 8-16\": expected HH:MM at column 9");
        CliRun.run("windows", "--window", "Mon-Thu 8-16").assertBadInput("expected HH:MM at column 9");
    }

    @Test
    public void abbreviatedTimeZone() {
        CliRun.run("check", "--window", "Mon-Thu 08:00-16:00", "--time-zone", "EST")
                .assertBadInput("Use the IANA id America/New_York");
        CliRun.run("check", "--window", "Mon-Thu 08:00-16:00 EST").assertBadInput("America/New_York");
        CliRun.run("windows", "--product", "checkout", "--zone", "PST").assertBadInput("America/Los_Angeles");
    }

    @Test
    public void malformedFreeze() {
        CliRun.run("check", "--window", "Mon-Thu 08:00-16:00", "--freeze", "2026-12-24")
                .assertBadInput("expected a space and the reason for the freeze at column 11");
    }

    @Test
    public void unknownProductNamesTheKnownOnes() {
        CliRun.run("check", "--product", "payments")
                .assertBadInput("Unknown product \"payments\": the policy defines checkout, search");
    }

    @Test
    public void severalProductsNeedAName() {
        CliRun.run("check").assertBadInput("several products (checkout, search): name the product");
        CliRun.run("windows").assertBadInput("several products (checkout, search)");
    }

    @Test
    public void urgencyWithoutReason() {
        CliRun.run("check", "--product", "search", "--urgency", "PRODUCTION_DOWN")
                .assertBadInput("--urgency PRODUCTION_DOWN needs a --reason: say what is going on");
    }

    @Test
    public void reasonWithoutUrgency() {
        CliRun.run("check", "--product", "search", "--reason", "INC-4411")
                .assertBadInput("A reason was given without an urgency: add --urgency (one of PRODUCTION_DOWN, "
                        + "CRITICAL_PATH_BUG, URGENT_DELIVERY), or drop the --reason");
    }

    @Test
    public void unknownUrgency() {
        CliRun.run("check", "--product", "search", "--urgency", "PANIC", "--reason", "x")
                .assertBadInput("--urgency: unknown value \"PANIC\"; use one of PRODUCTION_DOWN, CRITICAL_PATH_BUG, URGENT_DELIVERY");
    }

    @Test
    public void badTime() {
        CliRun.run("check", "--product", "search", "--at", "tomorrow")
                .assertBadInput("'--at': cannot read the time \"tomorrow\": write an ISO-8601 instant such as "
                        + "2026-11-26T15:00:00Z, or a date-time with its offset such as 2026-11-26T10:00:00-05:00");
        // A local time is ambiguous: which 10:00?
        CliRun.run("check", "--product", "search", "--at", "2026-11-26T10:00:00").assertBadInput("--at");
        CliRun.run("windows", "--product", "search", "--from", "2026-13-01T00:00:00Z").assertBadInput("'--from'");
    }

    @Test
    public void badHold() {
        CliRun.run("check", "--product", "search", "--hold", "alice")
                .assertBadInput("cannot read the hold \"alice\": write author: reason, such as \"alice: waiting for the "
                        + "DB migration\"");
        CliRun.run("check", "--product", "search", "--hold", "alice:  ").assertBadInput("cannot read the hold");
        CliRun.run("check", "--product", "search", "--hold", ": reason").assertBadInput("cannot read the hold");
    }

    @Test
    public void badStageCandidateAndFormat() {
        CliRun.run("check", "--product", "search", "--stage", "qa")
                .assertBadInput("--stage: unknown value \"qa\"; use one of rc, production");
        CliRun.run("check", "--product", "search", "--candidate", "release-candidate")
                .assertBadInput("Cannot read the build \"release-candidate\": write job#number");
        CliRun.run("check", "--product", "search", "--format", "xml").assertBadInput("'--format'");
    }

    @Test
    public void missingPolicyFile() {
        Path missing = tmp.getRoot().toPath().resolve("missing.yml");
        CliRun.run("check", "--policy", missing.toString())
                .assertBadInput("Cannot read the policy file " + missing + ": there is no such file");
        CliRun.run("validate", "--policy", missing.toString()).assertBadInput("there is no such file");
    }

    @Test
    public void unknownOptionAndMissingSubcommand() {
        CliRun.run("check", "--bogus").assertBadInput("Unknown option: '--bogus' (see 'release-gate check --help')");
        CliRun.run().assertBadInput("Missing required subcommand");
        CliRun.run("validate").assertBadInput("Missing required option: '--policy=FILE'");
        CliRun.run("windows", "--product", "search", "--count", "0").assertBadInput("--count must be from 1 to 100");
        CliRun.run("windows", "--product", "search", "--count", "many").assertBadInput("'--count'");
    }

    @Test
    public void policyAndWindowAreAlternatives() {
        CliRun.run("check", "--policy", "x.yml", "--window", "Mon 08:00-09:00").assertBadInput("are alternatives");
        CliRun.run("check", "--freeze", "2026-12-24 Christmas").assertBadInput("--freeze and --time-zone go with --window");
    }

    @Test
    public void anInvalidPolicyFileListsItsProblemsForCheckToo() throws IOException {
        Path file = tmp.newFile("bad.yml").toPath();
        Files.writeString(file, "unclassified:\n  releaseGate:\n    products:\n      - name: web\n"
                + "        productionWindows: \"Mon-Thu 8-16\"\n        rcMaxAge: 7\n        jobs: web/**\n",
                StandardCharsets.UTF_8);
        CliRun run = CliRun.run("check", "--policy", file.toString());
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals("", run.out);
        assertEquals(file + ":5:28: products[0].productionWindows: \"Mon-Thu 8-16\": expected HH:MM at column 9\n"
                + file + ":6:19: products[0].rcMaxAge: Cannot read the age \"7\": write days and hours such as 7d, 36h "
                + "or 1d12h\n", run.err);
        assertFalse(run.err.contains("\tat "));
        assertEquals(run.err, CliRun.run("windows", "--policy", file.toString()).err);
    }
}
