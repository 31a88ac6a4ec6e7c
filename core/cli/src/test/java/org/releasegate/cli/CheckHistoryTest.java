package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code check --history}: release candidates read from the sample histories, at the default clock, Thursday
 * 2026-11-26 10:00 in New York, inside checkout's window. #44 is running (Alice), #42 in flight (Bob).
 */
public class CheckHistoryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--product", "checkout"));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(new String[0]));
    }

    private static List<String> texts(JsonNode list, String key) {
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(key == null ? item.asText() : item.get(key).asText()));
        return out;
    }

    @Test
    public void aCandidateInFlightBlocksANewOne() {
        CliRun run = check("--history", Histories.RC, "--stage", "rc");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertThat(run.out, containsString("release candidate checkout/release-candidate#42 is in flight on CI/QA "
                + "(release manager Bob Baker); owner: Bob Baker; since Tue 2026-11-24 10:00 EST"));
        assertThat(run.out, containsString("release candidate checkout/release-candidate#44 is still running "
                + "(release manager Alice Archer); owner: Alice Archer"));
        assertThat(run.out, not(containsString("were not checked")));

        JsonNode json = check("--history", Histories.RC, "--stage", "rc", "--format", "json").json();
        assertTrue(json.get("candidatesChecked").asBoolean());
        assertEquals(List.of("RC_IN_FLIGHT", "RC_IN_FLIGHT"), texts(json.get("reasons"), "code"));
        assertEquals(List.of("Alice Archer", "Bob Baker"), texts(json.get("reasons"), "owner"));
        assertEquals(List.of(), texts(json.get("warnings"), "code"));
    }

    @Test
    public void anUrgentCandidateSupersedesTheOnesInFlight() {
        CliRun run = check("--history", Histories.RC, "--stage", "rc", "--urgency", "CRITICAL_PATH_BUG", "--reason", "x",
                "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        JsonNode json = run.json();
        assertEquals(List.of("checkout/release-candidate#44", "checkout/release-candidate#42"),
                texts(json.get("supersedes"), null));
        assertEquals(List.of("RC_IN_FLIGHT"), texts(json.get("exception").get("lifted"), null));
        CliRun text = check("--history", Histories.RC, "--stage", "rc", "--urgency", "CRITICAL_PATH_BUG", "--reason",
                "x");
        assertThat(text.out, containsString("Supersedes release candidate checkout/release-candidate#42 (release manager "
                + "Bob Baker): it is closed now."));
    }

    @Test
    public void productionPromotesTheOneInFlightNotTheRunningOne() {
        CliRun run = check("--history", Histories.RC, "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        JsonNode json = run.json();
        assertEquals("checkout/release-candidate#42", json.get("promotes").asText());
        assertEquals("Bob Baker", json.get("releaseManager").asText());
        assertTrue(json.get("candidatesChecked").asBoolean());
        assertEquals(0, json.get("warnings").size());
        JsonNode inFlight = json.get("inFlight");
        assertEquals(List.of("checkout/release-candidate#44", "checkout/release-candidate#42"),
                texts(inFlight, "build"));
        assertEquals(List.of("RUNNING", "IN_FLIGHT"), texts(inFlight, "state"));
        assertEquals(List.of("Alice Archer", "Bob Baker"), texts(inFlight, "releaseManager"));
        assertEquals(List.of("2026-11-26T09:31:05.482-05:00", "2026-11-24T10:00:30.651-05:00"), texts(inFlight, "startedAt"));

        CliRun text = check("--history", Histories.RC);
        assertThat(text.out, containsString("Promotes release candidate checkout/release-candidate#42 (release manager "
                + "Bob Baker)."));
        // The window still decides: Friday is outside it.
        assertEquals(ReleaseGateCommand.BLOCKED, check("--history", Histories.RC, "--at", "2026-11-27T10:00:00-05:00")
                .exitCode);
    }

    @Test
    public void aNamedCandidateMustBeOpen() {
        CliRun failed = check("--history", Histories.RC, "--candidate", "checkout/release-candidate#43");
        assertEquals(failed.toString(), ReleaseGateCommand.BLOCKED, failed.exitCode);
        assertThat(failed.out, containsString("release candidate checkout/release-candidate#43 is FAILED (the build "
                + "ended FAILURE) and cannot be promoted; owner: Carol Chen"));
        CliRun running = check("--history", Histories.RC, "--candidate", "checkout/release-candidate#44");
        assertThat(running.out, containsString("is still running: promote it once it has deployed to CI/QA"));
        // #41 is a build the gate blocked: no RC.
        CliRun plain = check("--history", Histories.RC, "--candidate", "checkout/release-candidate#41");
        assertThat(plain.out, containsString("checkout/release-candidate#41 is not a release candidate of checkout"));
        assertEquals(ReleaseGateCommand.OK,
                check("--history", Histories.RC, "--candidate", "checkout/release-candidate#42").exitCode);
    }

    @Test
    public void readingStopsAtTheNewestPromotedCandidate() {
        // An RC older than the promotion of #40 left open: promotion closed it, so it is never read.
        Path file = Histories.changed(tmp, Histories.RC, h -> {
            Histories.mark(h, 5).put("state", "IN_FLIGHT").putNull("closure");
        });
        JsonNode json = check("--history", file.toString(), "--format", "json").json();
        assertEquals(List.of("checkout/release-candidate#44", "checkout/release-candidate#42"),
                texts(json.get("inFlight"), "build"));
        assertEquals("checkout/release-candidate#42", json.get("promotes").asText());
        assertThat(check("--history", file.toString(), "--candidate", "checkout/release-candidate#39").out,
                containsString("checkout/release-candidate#39 is not a release candidate of checkout"));
    }

    @Test
    public void readingStopsAtTheFirstCandidateOlderThanTheExpiryAgeAndReportsItExpired() {
        // Thursday 2026-12-17, 21 days after #44: past twice rcMaxAge (7d). #44 is still open, so it has expired:
        // reported, not promoted, not in flight; reading stops there and never reaches #42.
        CliRun run = check("--history", Histories.RC, "--at", "2026-12-17T10:00:00-05:00", "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.BLOCKED, run.exitCode);
        assertEquals(0, run.json().get("inFlight").size());
        assertEquals("NOTHING_TO_PROMOTE", run.json().get("reasons").get(0).get("code").asText());
        assertEquals(List.of("RC_EXPIRED"), texts(run.json().get("warnings"), "code"));
        CliRun text = check("--history", Histories.RC, "--at", "2026-12-17T10:00:00-05:00");
        assertThat(text.out, containsString("release candidate checkout/release-candidate#44 (release manager Alice "
                + "Archer) expired: open longer than 14d"));
        assertThat(text.out, not(containsString("#42")));
        // A new RC is not blocked by it.
        CliRun rc = check("--history", Histories.RC, "--at", "2026-12-17T10:00:00-05:00", "--stage", "rc");
        assertEquals(rc.toString(), ReleaseGateCommand.OK, rc.exitCode);
        assertThat(rc.out, containsString("expired: open longer than 14d"));
    }

    @Test
    public void aRunningMarkOnAFinishedBuildIsBroughtUpToDate() {
        // The controller stopped before the mark caught up with the end of #44.
        Path failed = Histories.changed(tmp, Histories.RC, h -> Histories.build(h, 0).put("building", false)
                .put("result", "FAILURE"));
        JsonNode json = check("--history", failed.toString(), "--stage", "rc", "--format", "json").json();
        assertEquals(List.of("checkout/release-candidate#42"), texts(json.get("inFlight"), "build"));
        Path deployed = Histories.changed(tmp, Histories.RC, h -> Histories.build(h, 0).put("building", false)
                .put("result", "SUCCESS"));
        CliRun two = check("--history", deployed.toString());
        assertEquals(two.toString(), ReleaseGateCommand.BLOCKED, two.exitCode);
        assertThat(two.out, containsString("2 release candidates are in flight (checkout/release-candidate#44, "
                + "checkout/release-candidate#42): name the one to promote with candidate"));
    }

    @Test
    public void twoJobsHistoriesAreMergedNewestFirst() {
        CliRun rc = check("--history", Histories.RC, "--history", Histories.HOTFIX, "--stage", "rc", "--format", "json");
        assertEquals(rc.toString(), ReleaseGateCommand.BLOCKED, rc.exitCode);
        assertEquals(List.of("checkout/release-candidate#44", "checkout/hotfix#8", "checkout/release-candidate#42"),
                texts(rc.json().get("inFlight"), "build"));

        CliRun production = check("--history", Histories.HOTFIX, "--history", Histories.RC);
        assertEquals(production.toString(), ReleaseGateCommand.BLOCKED, production.exitCode);
        assertThat(production.out, containsString("2 release candidates are in flight (checkout/hotfix#8, "
                + "checkout/release-candidate#42): name the one to promote with candidate"));
        assertThat(production.out, containsString("Warning: release candidate checkout/hotfix#8 has no release manager"));

        JsonNode hotfix = check("--history", Histories.RC, "--history", Histories.HOTFIX, "--candidate",
                "checkout/hotfix#8", "--format", "json").json();
        assertEquals("ALLOWED", hotfix.get("decision").asText());
        assertEquals("checkout/hotfix#8", hotfix.get("promotes").asText());
        assertTrue(hotfix.get("releaseManager").isNull());

        CliRun rejected = check("--history", Histories.RC, "--history", Histories.HOTFIX, "--candidate",
                "checkout/hotfix#7");
        assertThat(rejected.out, containsString("release candidate checkout/hotfix#7 is REJECTED (totals wrong, by "
                + "Carol Chen) and cannot be promoted; owner: Erin Evans"));
    }

    @Test
    public void marksOfAnotherProductAreLeftOut() {
        Path search = Histories.changed(tmp, Histories.RC, h -> h.put("fullName", "search/release-candidate"));
        CliRun run = CliRun.run("check", "--product", "search", "--history", search.toString(), "--stage", "rc",
                "--format", "json");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertTrue(run.json().get("candidatesChecked").asBoolean());
        assertEquals(0, run.json().get("inFlight").size());
    }
}
