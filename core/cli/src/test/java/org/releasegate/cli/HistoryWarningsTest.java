package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code check --history} warns, naming the file, when a history may hide an open RC: builds without a single RC mark
 * (the wrong job, or a controller without the plugin), or a file of {@value HistoryFile#LIMIT} builds that ran out
 * before a promoted RC or the age bound. At {@link CliRun#NOW} checkout's age bound (twice its 7d rcMaxAge) is
 * 2026-11-12T15:00:00Z.
 */
public class HistoryWarningsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant BOUND = Instant.parse("2026-11-12T15:00:00Z");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static CliRun check(Path... histories) {
        List<String> args = new ArrayList<>(List.of("check", "--product", "checkout", "--stage", "rc"));
        for (Path h : histories) {
            args.add("--history");
            args.add(h.toString());
        }
        args.add("--format");
        args.add("json");
        return CliRun.run(args.toArray(new String[0]));
    }

    private static List<String> codes(CliRun run) {
        List<String> codes = new ArrayList<>();
        run.json().get("warnings").forEach(w -> codes.add(w.get("code").asText()));
        return codes;
    }

    private static String message(CliRun run, String code) {
        for (JsonNode w : run.json().get("warnings")) {
            if (w.get("code").asText().equals(code)) {
                return w.get("message").asText();
            }
        }
        throw new AssertionError("no " + code + " in " + run);
    }

    /** A history of {@code count} builds of {@code job}, one every {@code spacing} back from {@code newest}. */
    private static ObjectNode history(String job, int count, Instant newest, Duration spacing) {
        ObjectNode root = MAPPER.createObjectNode().put("fullName", job);
        ArrayNode builds = root.putArray("allBuilds");
        for (int i = 0; i < count; i++) {
            builds.addObject().put("number", 1000 - i)
                    .put("timestamp", newest.minus(spacing.multipliedBy(i)).toEpochMilli())
                    .put("building", false).put("result", "SUCCESS").putArray("actions").addObject()
                    .put("_class", "hudson.model.CauseAction");
        }
        return root;
    }

    /** Puts an RC mark in {@code state} on the build at {@code index}. */
    private static ObjectNode mark(ObjectNode history, int index, String state) {
        ObjectNode build = (ObjectNode) history.get("allBuilds").get(index);
        String startedAt = Instant.ofEpochMilli(build.get("timestamp").asLong()).toString();
        ObjectNode mark = ((ArrayNode) build.get("actions")).addObject().put("product", "checkout")
                .put("state", state).put("startedAt", startedAt);
        mark.putObject("releaseManager").put("id", "bob").put("displayName", "Bob Baker").put("source", "USER");
        mark.putArray("changeAuthors");
        mark.putNull("urgency");
        mark.putNull("closure");
        mark.putArray("history");
        return history;
    }

    private Path write(ObjectNode history) throws Exception {
        return Histories.write(tmp, MAPPER.writeValueAsString(history));
    }

    @Test
    public void buildsWithoutASingleMarkWarnNamingTheFile() throws Exception {
        Path file = write(history("checkout/release-candidate", 3, CliRun.NOW.minusSeconds(3600), Duration.ofHours(1)));
        CliRun run = check(file);
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(List.of("HISTORY_WITHOUT_MARKS"), codes(run));
        assertEquals(file + ": 3 builds, no release candidate mark: is checkout/release-candidate the job that runs "
                + "the product's release candidates, and is Release Gate installed on that Jenkins?",
                message(run, "HISTORY_WITHOUT_MARKS"));

        CliRun text = CliRun.run("check", "--product", "checkout", "--stage", "rc", "--history", file.toString());
        assertThat(text.out, containsString("Warning: " + file + ": 3 builds, no release candidate mark"));
    }

    @Test
    public void oneBuildIsOneBuild() throws Exception {
        Path file = write(history("checkout/release-candidate", 1, CliRun.NOW.minusSeconds(3600), Duration.ofHours(1)));
        assertThat(message(check(file), "HISTORY_WITHOUT_MARKS"), containsString(": 1 build, no release"));
    }

    @Test
    public void anEmptyHistoryIsLegitimate() throws Exception {
        Path file = write(history("checkout/release-candidate", 0, CliRun.NOW, Duration.ofHours(1)));
        CliRun run = check(file);
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(List.of(), codes(run));
    }

    @Test
    public void oneMarkIsEnough() throws Exception {
        ObjectNode h = mark(history("checkout/release-candidate", 3, CliRun.NOW.minusSeconds(86_400),
                Duration.ofHours(1)), 2, "REJECTED");
        assertEquals(List.of(), codes(check(write(h))));
    }

    @Test
    public void onlyTheFileWithoutMarksWarns() throws Exception {
        Path marked = write(mark(history("checkout/release-candidate", 3, CliRun.NOW.minusSeconds(86_400),
                Duration.ofHours(1)), 0, "REJECTED"));
        Path bare = write(history("checkout/hotfix", 2, CliRun.NOW.minusSeconds(3600), Duration.ofHours(1)));
        CliRun run = check(marked, bare);
        assertEquals(List.of("HISTORY_WITHOUT_MARKS"), codes(run));
        assertThat(message(run, "HISTORY_WITHOUT_MARKS"), containsString(bare + ": 2 builds"));
    }

    @Test
    public void aFullFileThatRanOutWarnsAndSaysHowToFetchMore() throws Exception {
        // 500 builds ten minutes apart: the oldest started about three and a half days ago, well after the age bound.
        ObjectNode h = mark(history("checkout/release-candidate", HistoryFile.LIMIT, CliRun.NOW.minusSeconds(60),
                Duration.ofMinutes(10)), 3, "REJECTED");
        Path file = write(h);
        CliRun run = check(file);
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(List.of("HISTORY_CUT_SHORT"), codes(run));
        assertEquals(file + ": all 500 builds were read, down to #501 of 2026-11-22T22:49:00-05:00, without meeting "
                + "a promoted release candidate or the age bound (2026-11-12T10:00:00-05:00): an older release "
                + "candidate may still be open. Fetch more builds: put {0,2000} in place of {0,500} in the query "
                + "(docs/cli.md)", message(run, "HISTORY_CUT_SHORT"));
    }

    @Test
    public void aFileOneBuildShortOfTheLimitIsTheWholeHistory() throws Exception {
        ObjectNode h = mark(history("checkout/release-candidate", HistoryFile.LIMIT - 1, CliRun.NOW.minusSeconds(60),
                Duration.ofMinutes(10)), 3, "REJECTED");
        assertEquals(List.of(), codes(check(write(h))));
    }

    @Test
    public void aFullFileReachingTheAgeBoundIsEnough() throws Exception {
        Duration spacing = Duration.between(BOUND, CliRun.NOW).dividedBy(HistoryFile.LIMIT - 2);
        ObjectNode h = mark(history("checkout/release-candidate", HistoryFile.LIMIT, CliRun.NOW, spacing), 3,
                "REJECTED");
        assertEquals(List.of(), codes(check(write(h))));
    }

    @Test
    public void aFullFileReachingAPromotedCandidateIsEnough() throws Exception {
        ObjectNode h = mark(history("checkout/release-candidate", HistoryFile.LIMIT, CliRun.NOW.minusSeconds(60),
                Duration.ofMinutes(10)), HistoryFile.LIMIT - 1, "PROMOTED");
        assertEquals(List.of(), codes(check(write(h))));
    }

    @Test
    public void aFullFileIsCutShortWhenReadingStoppedOnlyInAnOlderFile() throws Exception {
        // checkout/release-candidate: 500 builds over the last 3.5 days; checkout/hotfix: a promoted RC 5 days ago.
        Path full = write(mark(history("checkout/release-candidate", HistoryFile.LIMIT, CliRun.NOW.minusSeconds(60),
                Duration.ofMinutes(10)), 0, "REJECTED"));
        Path older = write(mark(history("checkout/hotfix", 1, CliRun.NOW.minus(Duration.ofDays(5)),
                Duration.ofHours(1)), 0, "PROMOTED"));
        assertEquals(List.of("HISTORY_CUT_SHORT"), codes(check(full, older)));

        // The promoted RC 2 days ago, within the full file's span: reading stops there, before the full file ran out.
        Path newer = write(mark(history("checkout/hotfix", 1, CliRun.NOW.minus(Duration.ofDays(2)),
                Duration.ofHours(1)), 0, "PROMOTED"));
        assertEquals(List.of(), codes(check(full, newer)));
    }

    @Test
    public void theWarningsAreNotOnAnAnswerWithoutHistory() {
        CliRun run = CliRun.run("check", "--product", "checkout", "--stage", "rc", "--format", "json");
        assertEquals(List.of("CANDIDATES_UNKNOWN"), codes(run));
        assertThat(run.out, not(containsString("HISTORY_")));
    }
}
