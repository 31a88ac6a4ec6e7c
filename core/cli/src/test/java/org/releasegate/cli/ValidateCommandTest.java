package org.releasegate.cli;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ValidateCommandTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path write(String yaml) throws IOException {
        Path file = tmp.newFile().toPath();
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    public void theSamplePolicyIsValid() {
        // Surefire runs in core/cli.
        Path sample = Paths.get("../../docs/examples/release-gate.yml");
        CliRun run = CliRun.run("validate", "--policy", sample.toString());
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(sample + ": valid (2 products)\n", run.out);
        assertEquals("", run.err);
    }

    @Test
    public void everyProblemInOneRunWithItsLineAndColumn() throws IOException {
        Path file = write(String.join("\n",
                "jenkins:",
                "  systemMessage: ignored",
                "unclassified:",
                "  location:",
                "    url: https://ci.example.com/",
                "  releaseGate:",
                "    timeZone: EST",
                "    products:",
                "      - name: checkout",
                "        productionWindows: \"Mon-Thu 8-16\"",
                "        freezes:",
                "          - \"2026-12-21..2027-01-04 Holiday freeze\"",
                "          - \"Christmas\"",
                "      - name: search",
                "        unstableRc: MAYBE",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals("", run.out);
        assertEquals(String.join("\n",
                file + ":7:15: timeZone: \"EST\" is an abbreviation, not a time zone: Java reads it as a fixed offset "
                        + "that ignores daylight saving. Use the IANA id America/New_York",
                file + ":10:28: products[0].productionWindows: \"Mon-Thu 8-16\": expected HH:MM at column 9",
                file + ":13:13: products[0].freezes[1]: \"Christmas\": expected a date range YYYY-MM-DD..YYYY-MM-DD "
                        + "(or one YYYY-MM-DD) and a reason at column 1",
                file + ":15:21: products[1].unstableRc: unstableRc: unknown value \"MAYBE\"; use one of IN_FLIGHT, FAILED",
                ""), run.err);
    }

    @Test
    public void unknownKeysAreProblems() throws IOException {
        Path file = write(String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    timezone: Europe/Berlin",
                "    products:",
                "      - name: checkout",
                "        productionWindow: \"Mon-Thu 08:00-16:00\"",
                "        exceptions:",
                "          - category: PRODUCTION_DOWN",
                "            lift: WINDOW",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals(String.join("\n",
                file + ":3:5: unknown key 'timezone'; known keys: timeZone, products",
                file + ":6:9: products[0]: unknown key 'productionWindow'; known keys: name, jobs, timeZone, productionWindows, "
                        + "freezes, slackChannel, rcMaxAge, defaultReleaseManager, unstableRc, blockedResult, "
                        + "releasesWithoutRc, exceptions, runway",
                file + ":9:13: products[0].exceptions[0]: unknown key 'lift'; known keys: category, lifts",
                ""), run.err);
    }

    @Test
    public void wrongTypes() throws IOException {
        Path file = write(String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    products:",
                "      - name: checkout",
                "        jobs:",
                "          - checkout/deploy",
                "        freezes: \"2026-12-24 Christmas\"",
                "        releasesWithoutRc: maybe",
                "      - just a name",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(String.join("\n",
                file + ":6:11: products[0].jobs: expected a string, found a list",
                file + ":7:18: products[0].freezes: expected a list (one '- ' item a line), found \"2026-12-24 Christmas\"",
                file + ":8:28: products[0].releasesWithoutRc: expected true or false, found \"maybe\"",
                file + ":9:9: products[1]: expected a mapping of settings (key: value), found \"just a name\"",
                ""), run.err);
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
    }

    @Test
    public void missingNameAndDuplicateProducts() throws IOException {
        Path file = write(String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    products:",
                "      - name: checkout",
                "        rcMaxAge: 0h",
                "      - slackChannel: \"#nobody\"",
                "      - name: checkout",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(String.join("\n",
                file + ":5:19: products[0].rcMaxAge: The age \"0h\" is zero: an RC would be stale at once; use at "
                        + "least 1h",
                file + ":6:9: products[1].name: A product needs a name (such as checkout)",
                file + ":7:15: products[2].name: product \"checkout\" is defined twice (first on line 4): give each "
                        + "product one entry",
                ""), run.err);
    }

    @Test
    public void yamlSyntaxAndMissingBlock() throws IOException {
        Path broken = write("unclassified:\n  releaseGate:\n    products: [\n");
        CliRun run = CliRun.run("validate", "--policy", broken.toString());
        assertEquals(ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals(broken + ":4:1: invalid YAML: while parsing a flow node, expected the node content, but found "
                + "'<stream end>'\n", run.err);

        Path plain = write("jenkins:\n  numExecutors: 0\n");
        assertEquals(plain + ":1:1: no 'unclassified' key here: Release Gate's policy sits under unclassified: "
                + "releaseGate: in a Configuration-as-Code file\n",
                CliRun.run("validate", "--policy", plain.toString()).err);

        Path empty = write("");
        assertEquals(empty + ":1:1: the file is empty: write the policy under unclassified: releaseGate:\n",
                CliRun.run("validate", "--policy", empty.toString()).err);
    }

    @Test
    public void otherJenkinsConfigurationIsIgnored() throws IOException {
        Path file = write(String.join("\n",
                "jenkins:",
                "  securityRealm:",
                "    local:",
                "      allowsSignup: false",
                "unclassified:",
                "  location:",
                "    url: https://ci.example.com/",
                "  releaseGate:",
                "    products:",
                "      - name: web",
                "tool:",
                "  git:",
                "    installations: []",
                ""));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(file + ": valid (1 product)\n", run.out);
    }
}
