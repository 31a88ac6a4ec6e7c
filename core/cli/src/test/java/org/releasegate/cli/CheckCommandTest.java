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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;

public class CheckCommandTest {
    private static final String SEED = "Mon-Thu 08:00-16:00";
    /** Friday 2026-11-27 10:00 in New York: outside the seed's window. */
    private static final String FRIDAY = "2026-11-27T15:00:00Z";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void allowedInsideTheWindowPrintsTheEnginesWordsExactly() {
        CliRun run = CliRun.run("check", "--window", SEED);
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        ProductPolicy product = ProductPolicy.builder("default").windows(WindowSpec.parse(SEED, TimeZones.DEFAULT))
                .build();
        String expected = ConsoleMessage.render(ReleaseGate.decide(product,
                GateRequest.builder(Stage.PRODUCTION).candidatesKnown(false).build(), LedgerSnapshot.empty("default"),
                CliRun.NOW), TimeZones.DEFAULT);
        assertEquals(expected, run.out);
        assertThat(run.out, containsString("production release of default is ALLOWED"));
        assertThat(run.out, containsString("which closes Thu 2026-11-26 16:00 EST"));
        // No --history: the release candidates are left out, and the answer says so.
        assertThat(run.out, containsString("Warning: release candidates were not checked: no build history was given"));
        assertEquals("", run.err);
    }

    @Test
    public void blockedOutsideTheWindowExitsThree() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", FRIDAY);
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("production release of default is BLOCKED"));
        assertThat(run.out, containsString("outside the production window (Mon-Thu 08:00-16:00 America/New_York)"));
        assertThat(run.out, containsString("The next production window opens Mon 2026-11-30 08:00 EST"));
    }

    @Test
    public void blockedAsJson() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        JsonNode json = run.json();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("product", "stage", "at", "decision", "headline", "reasons", "windowOpen", "window",
                "windowClosesAt", "nextOpening", "freezes", "earliestPass", "warnings", "releaseManager",
                "candidatesChecked", "inFlight", "holds", "promotes", "supersedes", "exception", "approvalNeeded",
                "timeZone", "runway", "lastStart"), keys);
        assertEquals("default", json.get("product").asText());
        assertEquals("PRODUCTION", json.get("stage").asText());
        assertEquals("2026-11-27T10:00:00-05:00", json.get("at").asText());
        assertEquals("BLOCKED", json.get("decision").asText());
        assertEquals(1, json.get("reasons").size());
        JsonNode reason = json.get("reasons").get(0);
        assertEquals("OUTSIDE_WINDOW", reason.get("code").asText());
        assertThat(reason.get("message").asText(), containsString("outside the production window"));
        assertTrue(reason.get("owner").isNull());
        assertEquals("2026-11-30T08:00:00-05:00", reason.get("until").asText());
        assertFalse(json.get("windowOpen").asBoolean());
        assertTrue(json.get("window").isNull());
        assertTrue(json.get("windowClosesAt").isNull());
        assertEquals("2026-11-30T08:00:00-05:00", json.get("nextOpening").asText());
        assertEquals("2026-11-30T08:00:00-05:00", json.get("earliestPass").asText());
        assertTrue(json.get("exception").isNull());
        assertFalse(json.get("approvalNeeded").asBoolean());
        assertEquals("America/New_York", json.get("timeZone").asText());
        assertFalse(json.get("candidatesChecked").asBoolean());
        assertEquals(1, json.get("warnings").size());
        assertEquals("CANDIDATES_UNKNOWN", json.get("warnings").get(0).get("code").asText());
        assertEquals("release candidates were not checked: no build history was given",
                json.get("warnings").get(0).get("message").asText());
    }

    @Test
    public void allowedAsJson() {
        CliRun run = CliRun.run("check", "--window", SEED, "--format", "JSON");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        JsonNode json = run.json();
        assertEquals("ALLOWED", json.get("decision").asText());
        assertEquals(0, json.get("reasons").size());
        assertTrue(json.get("windowOpen").asBoolean());
        assertEquals("Mon-Thu 08:00-16:00 America/New_York", json.get("window").asText());
        assertEquals("2026-11-26T16:00:00-05:00", json.get("windowClosesAt").asText());
        assertTrue(json.get("nextOpening").isNull());
        // No --at: the clock's now, shown in the product's zone.
        assertEquals("2026-11-26T10:00:00-05:00", json.get("at").asText());
        assertEquals("2026-11-26T10:00:00-05:00", json.get("earliestPass").asText());
        assertTrue(json.get("promotes").isNull());
        assertEquals(0, json.get("holds").size());
    }

    @Test
    public void atTakesAnOffsetDateTimeAndNowComesFromTheClock() {
        Clock friday = Clock.fixed(Instant.parse(FRIDAY), ZoneId.of("UTC"));
        assertEquals(ReleaseGateCommand.BLOCKED, CliRun.run(friday, "check", "--window", SEED).exitCode);
        assertEquals(ReleaseGateCommand.OK,
                CliRun.run(friday, "check", "--window", SEED, "--at", "2026-11-26T10:00:00-05:00").exitCode);
        assertEquals(ReleaseGateCommand.BLOCKED,
                CliRun.run(friday, "check", "--window", SEED, "--at", "2026-11-26T16:00:00-05:00").exitCode);
    }

    @Test
    public void embeddedPolicyIsTheDefault() {
        // Search: Mon-Thu 09:00-17:00 Berlin. 16:00 in Berlin.
        CliRun search = CliRun.run("check", "--product", "search", "--format", "json");
        assertEquals(search.toString(), ReleaseGateCommand.OK, search.exitCode);
        assertEquals("Mon-Thu 09:00-17:00 Europe/Berlin", search.json().get("window").asText());
        // Checkout needs a release candidate, but without --history none is checked: the window decides, with a warning.
        CliRun checkout = CliRun.run("check", "--product", "checkout");
        assertEquals(checkout.toString(), ReleaseGateCommand.OK, checkout.exitCode);
        assertThat(checkout.out, containsString("Warning: release candidates were not checked"));
        // Its holiday freeze is there too.
        CliRun holidays = CliRun.run("check", "--product", "checkout", "--at", "2026-12-22T15:00:00Z");
        assertThat(holidays.out, containsString("freeze 2026-12-21..2027-01-04 Holiday freeze"));
    }

    @Test
    public void theSamplePolicyWithoutHistoryIsDecidedByItsWindow() {
        // As docs/cli.md shows it: Thursday 10:00 in New York is inside checkout's window, Friday is not.
        String sample = "../../docs/examples/release-gate.yml";
        CliRun thursday = CliRun.run("check", "--policy", sample, "--product", "checkout", "--at",
                "2026-11-26T10:00:00-05:00");
        assertEquals(thursday.toString(), ReleaseGateCommand.OK, thursday.exitCode);
        assertThat(thursday.out, containsString("Warning: release candidates were not checked: no build history was "
                + "given"));
        CliRun friday = CliRun.run("check", "--policy", sample, "--product", "checkout", "--at",
                "2026-11-27T10:00:00-05:00");
        assertEquals(friday.toString(), ReleaseGateCommand.BLOCKED, friday.exitCode);
        assertThat(friday.out, containsString("outside the production window (Mon-Thu 08:00-16:00 America/New_York)"));
    }

    @Test
    public void policyFileAndProduct() throws IOException {
        Path file = tmp.newFile("policy.yml").toPath();
        Files.writeString(file, "unclassified:\n  releaseGate:\n    timeZone: Europe/Berlin\n    products:\n"
                + "      - name: web\n", StandardCharsets.UTF_8);
        // The only product needs no --product; the default window is read in the policy's zone (16:00 Berlin).
        CliRun run = CliRun.run("check", "--policy", file.toString(), "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertEquals("web", run.json().get("product").asText());
        assertEquals("2026-11-26T16:00:00+01:00", run.json().get("at").asText());
        assertEquals(ReleaseGateCommand.OK,
                CliRun.run("check", "--policy", file.toString(), "--at", "2026-11-26T15:59:59+01:00").exitCode);
    }

    @Test
    public void aPolicyFileSaysNeverForNoWindow() throws IOException {
        Path file = tmp.newFile("never.yml").toPath();
        Files.writeString(file, "unclassified:\n  releaseGate:\n    products:\n"
                + "      - name: web\n        productionWindows: never\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.run("check", "--policy", file.toString());
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("web has no production window"));
        assertEquals(ReleaseGateCommand.OK, CliRun.run("validate", "--policy", file.toString()).exitCode);
    }

    @Test
    public void freezeAndTimeZoneGoWithWindow() {
        CliRun frozen = CliRun.run("check", "--window", "Mon-Fri 00:00-24:00", "--freeze", "2026-11-26 Thanksgiving");
        assertEquals(frozen.toString(), ReleaseGateCommand.BLOCKED, frozen.exitCode);
        assertThat(frozen.out, containsString("freeze 2026-11-26 Thanksgiving"));
        CliRun berlin = CliRun.run("check", "--window", SEED, "--time-zone", "Europe/Berlin", "--format", "json");
        // 16:00 in Berlin: the window just closed there.
        assertEquals(berlin.toString(), ReleaseGateCommand.BLOCKED, berlin.exitCode);
        assertEquals("Europe/Berlin", berlin.json().get("timeZone").asText());
        assertThat(berlin.json().get("reasons").get(0).get("message").asText(),
                containsString("(Mon-Thu 08:00-16:00 Europe/Berlin)"));
    }

    @Test
    public void aHoldBlocksAndNamesItsAuthor() {
        CliRun run = CliRun.run("check", "--window", SEED, "--hold", "alice: waiting for the DB migration");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("hold by alice: waiting for the DB migration; owner: alice"));
        assertThat(run.out, containsString("ask alice to lift it"));

        JsonNode json = CliRun.run("check", "--window", SEED, "--hold", "alice: waiting for the DB migration",
                "--hold", "bob: QA sign-off: pending", "--format", "json").json();
        assertEquals(2, json.get("holds").size());
        JsonNode hold = json.get("holds").get(1);
        assertEquals("cli-2", hold.get("id").asText());
        assertEquals("bob", hold.get("author").asText());
        assertEquals("QA sign-off: pending", hold.get("reason").asText());
        assertEquals("2026-11-26T10:00:00-05:00", hold.get("placedAt").asText());
        assertTrue(hold.get("expiresAt").isNull());
        assertEquals("HOLD", json.get("reasons").get(0).get("code").asText());
        assertEquals("alice", json.get("reasons").get(0).get("owner").asText());
    }

    @Test
    public void urgencyWithOverrideLiftsTheWindow() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "production_down",
                "--reason", "INC-4411 checkout returns 500s", "--may-override", "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        JsonNode json = run.json();
        assertEquals("ALLOWED", json.get("decision").asText());
        JsonNode exception = json.get("exception");
        assertEquals("PRODUCTION_DOWN", exception.get("category").asText());
        assertEquals("INC-4411 checkout returns 500s", exception.get("reason").asText());
        assertEquals(1, exception.get("lifted").size());
        assertEquals("WINDOW", exception.get("lifted").get(0).asText());
        assertFalse(json.get("approvalNeeded").asBoolean());

        CliRun text = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "PRODUCTION_DOWN",
                "--reason", "INC-4411 checkout returns 500s", "--may-override");
        assertThat(text.out, containsString("Urgent exception PRODUCTION_DOWN (INC-4411 checkout returns 500s) lifted "
                + "the production window."));
    }

    @Test
    public void urgencyWithoutOverrideNeedsApproval() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "PRODUCTION_DOWN",
                "--reason", "INC-4411 checkout returns 500s", "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertTrue(run.json().get("approvalNeeded").asBoolean());
        assertTrue(run.json().get("exception").isNull());
        CliRun text = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "PRODUCTION_DOWN",
                "--reason", "INC-4411 checkout returns 500s");
        assertThat(text.out, containsString("the urgent exception needs the Override permission"));
    }

    @Test
    public void approvalIsNeededForTheWindowEvenWhileAHoldAlsoBlocks() {
        // As docs/cli.md defines it: the approval lifts the window, not the hold, which still blocks.
        JsonNode json = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "PRODUCTION_DOWN",
                "--reason", "INC-4411 checkout returns 500s", "--hold", "alice: waiting for the DB migration",
                "--format", "json").json();
        assertTrue(json.get("approvalNeeded").asBoolean());
        List<String> codes = new ArrayList<>();
        json.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        assertEquals(2, codes.size());
        assertTrue(codes.toString(), codes.contains("OUTSIDE_WINDOW") && codes.contains("HOLD"));
        // With Override the window is lifted, and the hold alone blocks: no approval is needed then.
        JsonNode overridden = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--urgency", "PRODUCTION_DOWN",
                "--reason", "INC-4411 checkout returns 500s", "--hold", "alice: waiting for the DB migration",
                "--may-override", "--format", "json").json();
        assertFalse(overridden.get("approvalNeeded").asBoolean());
        assertEquals(1, overridden.get("reasons").size());
        assertEquals("HOLD", overridden.get("reasons").get(0).get("code").asText());
    }

    @Test
    public void anUrgencyThePolicyDoesNotLetLiftTheWindowStaysBlocked() throws IOException {
        Path file = tmp.newFile("policy.yml").toPath();
        Files.writeString(file, "unclassified:\n  releaseGate:\n    products:\n      - name: web\n"
                + "        exceptions:\n          - category: URGENT_DELIVERY\n"
                + "            lifts: \"RC_IN_FLIGHT\"\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.run("check", "--policy", file.toString(), "--at", FRIDAY, "--urgency", "URGENT_DELIVERY",
                "--reason", "partner launch", "--may-override", "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertFalse(run.json().get("approvalNeeded").asBoolean());
        // The defaults still let production down lift it.
        assertEquals(ReleaseGateCommand.OK, CliRun.run("check", "--policy", file.toString(), "--at", FRIDAY,
                "--urgency", "PRODUCTION_DOWN", "--reason", "INC-1", "--may-override").exitCode);
    }

    @Test
    public void aReleaseCandidateIsNotBoundToTheWindow() {
        CliRun run = CliRun.run("check", "--window", SEED, "--at", FRIDAY, "--stage", "rc", "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals("RC", run.json().get("stage").asText());
        assertTrue(run.json().get("releaseManager").isNull());
        // The command line asks as no build: no RC of its own to name a release manager for.
        assertEquals("CANDIDATES_UNKNOWN", run.json().get("warnings").get(0).get("code").asText());
        assertEquals(1, run.json().get("warnings").size());
    }

    @Test
    public void withoutHistoryANamedCandidateIsNotChecked() {
        CliRun run = CliRun.run("check", "--window", SEED, "--candidate", "checkout/release-candidate#42", "--format",
                "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertTrue(run.json().get("promotes").isNull());
        assertEquals("CANDIDATES_UNKNOWN", run.json().get("warnings").get(0).get("code").asText());
    }

    @Test
    public void helpNamesTheEmbeddedPolicyAndTheExitCodes() {
        CliRun run = CliRun.run("check", "--help");
        assertEquals(ReleaseGateCommand.OK, run.exitCode);
        assertThat(run.out.replaceAll("\\s+", " "), containsString("Without --policy and --window, the sample policy "
                + "embedded in this jar is used"));
        assertThat(run.out, containsString("Exit code 0: allowed; 3: blocked; 2: bad input."));
        assertThat(run.out, containsString("--history=FILE"));
        assertThat(run.out.replaceAll("\\s+", " "), containsString("Without --history, release candidates are not "
                + "checked"));
    }
}
