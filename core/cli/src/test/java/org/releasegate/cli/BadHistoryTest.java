package org.releasegate.cli;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every kind of history that is not what the plugin exports: exit code 2 and one line naming the file and the JSON
 * path, never a stack trace. Each case is the sample with one thing wrong.
 */
public class BadHistoryTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static CliRun check(Path history) {
        return CliRun.run("check", "--product", "checkout", "--history", history.toString());
    }

    /** The sample with one change: bad input whose message starts with the file and goes on with {@code expected}. */
    private void assertRefused(Consumer<ObjectNode> change, String expected) {
        Path file = Histories.changed(tmp, Histories.RC, change);
        check(file).assertBadInput("release-gate: " + file + ": " + expected);
    }

    @Test
    public void anUnknownStateNamesTheFileThePathAndTheStates() {
        Path file = Histories.changed(tmp, Histories.RC, h -> Histories.mark(h, 2).put("state", "LIMBO"));
        CliRun run = check(file);
        run.assertBadInput("LIMBO");
        assertEquals("release-gate: " + file + ": allBuilds[2].actions[2].state: unknown value \"LIMBO\"; use one of "
                + "RUNNING, IN_FLIGHT, PROMOTED, REJECTED, SUPERSEDED, FAILED, EXPIRED, REMOVED\n", run.err);
    }

    @Test
    public void theFileCannotBeRead() {
        Path missing = tmp.getRoot().toPath().resolve("missing.json");
        check(missing).assertBadInput("Cannot read the history file " + missing + ": there is no such file");
        check(tmp.getRoot().toPath()).assertBadInput("Cannot read the history file " + tmp.getRoot());
    }

    @Test
    public void notJson() {
        Path html = Histories.write(tmp, "<html><body>Authentication required</body></html>\n");
        check(html).assertBadInput(html + ":1:1: not JSON: Unexpected character ('<' (code 60))");
        Path cut = Histories.write(tmp, "{\"fullName\": \"checkout/release-candidate\",\n \"allBuilds\": [");
        check(cut).assertBadInput(cut + ":2:16: not JSON: Unexpected end-of-input: expected close marker for Array "
                + "(start marker at line 2, column 15)");
        Path twice = Histories.write(tmp, "{} {}");
        check(twice).assertBadInput(twice + ":1:4: not JSON: more follows the end of the first JSON value: a file "
                + "holds one job's history");
        Path empty = Histories.write(tmp, "");
        check(empty).assertBadInput(empty + ": the file is empty");
    }

    @Test
    public void notAJobsHistory() {
        Path list = Histories.write(tmp, "[]");
        check(list).assertBadInput(list + ": expected a job's build history (an object with fullName and allBuilds), "
                + "found a list");
        assertRefused(h -> h.remove("fullName"), "fullName: missing: fetch the job's history with the query in "
                + "docs/cli.md");
        assertRefused(h -> h.remove("allBuilds"), "allBuilds: missing");
        assertRefused(h -> h.put("allBuilds", "none"), "allBuilds: expected a list, found \"none\"");
        assertRefused(h -> h.put("fullName", 42), "fullName: expected a string, found 42");
        assertRefused(h -> h.put("fullName", ""), "fullName: expected the job's full name");
        assertRefused(h -> ((ArrayNode) h.get("allBuilds")).set(1, h.textNode("43")),
                "allBuilds[1]: expected an object, found \"43\"");
    }

    @Test
    public void numbersThatAreNotNumbers() {
        assertRefused(h -> Histories.build(h, 3).put("number", "41"), "allBuilds[3].number: expected a build number, "
                + "found \"41\"");
        assertRefused(h -> Histories.build(h, 3).put("number", 41.5), "allBuilds[3].number: expected a build number, "
                + "found 41.5");
        assertRefused(h -> Histories.build(h, 3).put("number", 0), "allBuilds[3].number: build numbers start at 1");
        assertRefused(h -> Histories.build(h, 1).put("timestamp", "2026-11-25T16:00:00Z"),
                "allBuilds[1].timestamp: expected milliseconds since 1970-01-01T00:00:00Z, found "
                        + "\"2026-11-25T16:00:00Z\"");
        assertRefused(h -> Histories.build(h, 0).put("building", "yes"), "allBuilds[0].building: expected true or "
                + "false, found \"yes\"");
        assertRefused(h -> Histories.build(h, 2).remove("timestamp"), "allBuilds[2].timestamp: missing");
    }

    @Test
    public void buildsMustBeNewestFirst() {
        assertRefused(h -> Histories.build(h, 3).put("number", 45), "allBuilds[3].number: build 45 comes after "
                + "build 42: the builds must be newest first, as Jenkins lists them");
    }

    @Test
    public void unknownNames() {
        assertRefused(h -> Histories.build(h, 1).put("result", "BROKEN"), "allBuilds[1].result: unknown value "
                + "\"BROKEN\"; use one of SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager")).put("source", "MAGIC"),
                "allBuilds[2].actions[2].releaseManager.source: unknown value \"MAGIC\"; use one of USER, "
                        + "UPSTREAM_USER, REPLAY, PUSH, COMMIT_AUTHOR, PRODUCT_DEFAULT, HANDED_OVER, UNASSIGNED");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 4).get("urgency")).put("category", "PANIC"),
                "allBuilds[4].actions[2].urgency.category: unknown value \"PANIC\"; use one of PRODUCTION_DOWN, "
                        + "CRITICAL_PATH_BUG, URGENT_DELIVERY");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 2).get("history").get(1)).put("to", "in_flight"),
                "allBuilds[2].actions[2].history[1].to: unknown value \"in_flight\"");
        assertRefused(h -> Histories.mark(h, 2).put("state", 1), "allBuilds[2].actions[2].state: expected a string, "
                + "found 1; use one of RUNNING");
    }

    @Test
    public void badTimes() {
        assertRefused(h -> Histories.mark(h, 2).put("startedAt", "2026-11-24 15:00"),
                "allBuilds[2].actions[2].startedAt: expected an ISO-8601 instant such as \"2026-11-26T15:00:00Z\", "
                        + "found \"2026-11-24 15:00\"");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 1).get("closure")).putNull("at"),
                "allBuilds[1].actions[2].closure.at: expected an ISO-8601 instant");
    }

    @Test
    public void peopleAndTheirRoles() {
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 2).get("changeAuthors").get(1)).put("displayName", 7),
                "allBuilds[2].actions[2].changeAuthors[1].displayName: expected a string or null, found 7");
        assertRefused(h -> Histories.mark(h, 2).remove("releaseManager"), "allBuilds[2].actions[2].releaseManager: "
                + "missing");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager")).remove("source"),
                "allBuilds[2].actions[2].releaseManager.source: missing");
        assertRefused(h -> Histories.mark(h, 2).put("releaseManager", "bob"),
                "allBuilds[2].actions[2].releaseManager: expected an object, found \"bob\"");
    }

    @Test
    public void whatTheEngineRefuses() {
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 4).get("urgency")).putNull("reason"),
                "allBuilds[4].actions[2].urgency: urgency CRITICAL_PATH_BUG needs a reason");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 5).get("closure")).put("closedFor", "#40"),
                "allBuilds[5].actions[2].closure.closedFor: Cannot read the build \"#40\": write job#number");
        assertRefused(h -> Histories.mark(h, 2).put("product", ""), "allBuilds[2].actions[2].product: expected the "
                + "product's name");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 2).get("history").get(0)).remove("note"),
                "allBuilds[2].actions[2].history[0].note: missing");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 1).get("closure")).remove("reason"),
                "allBuilds[1].actions[2].closure.reason: missing");
        assertRefused(h -> ((ObjectNode) Histories.mark(h, 1).get("closure")).put("reason", 3),
                "allBuilds[1].actions[2].closure.reason: expected a string or null, found 3");
    }

    @Test
    public void oneMarkABuild() {
        assertRefused(h -> ((ArrayNode) Histories.build(h, 2).get("actions")).add(Histories.mark(h, 1).deepCopy()),
                "allBuilds[2].actions[3]: a second release candidate mark on one build (the first is "
                        + "allBuilds[2].actions[2]): the plugin puts one on a build");
    }

    @Test
    public void eachJobOnceAndOnlyTheProductsJobs() {
        CliRun twice = CliRun.run("check", "--product", "checkout", "--history", Histories.RC, "--history",
                Histories.RC);
        twice.assertBadInput(Histories.RC + ": the history of checkout/release-candidate was given already, in "
                + Histories.RC + ": give each job once");
        CliRun window = CliRun.run("check", "--window", "Mon-Thu 08:00-16:00", "--history", Histories.RC);
        window.assertBadInput(Histories.RC + ": job checkout/release-candidate is not one of default's jobs (it has "
                + "none): the gate reads only the history of the product's jobs");
        Path other = Histories.changed(tmp, Histories.RC, h -> h.put("fullName", "payments/release-candidate"));
        check(other).assertBadInput("job payments/release-candidate is not one of checkout's jobs "
                + "(checkout/release-candidate, checkout/hotfix, checkout/deploy-production)");
    }
}
