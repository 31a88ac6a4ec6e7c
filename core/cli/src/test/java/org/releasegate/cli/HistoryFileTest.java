package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcEvent;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;

/** The sample histories, read field by field: what docs/rest-api.md says the plugin exports is what is read. */
public class HistoryFileTest {
    private static final String JOB = "checkout/release-candidate";
    private static final Person ALICE = new Person("alice", "Alice Archer");
    private static final Person BOB = new Person("bob", "Bob Baker");
    private static final Person CAROL = new Person("carol", "Carol Chen");
    private static final Person DAVE = new Person(null, "Dave <dave@example.com>");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static ReleaseCandidate rc(BuildRecord b) {
        return b.rc().orElseThrow(() -> new AssertionError(b.build() + " has no mark"));
    }

    @Test
    public void theReleaseCandidateSampleIsReadNewestFirst() {
        HistoryFile history = HistoryFile.read(Paths.get(Histories.RC));
        assertEquals(JOB, history.job());
        List<BuildRecord> builds = history.builds();
        assertEquals(List.of(44, 43, 42, 41, 40, 39), builds.stream().map(b -> b.build().number()).toList());

        BuildRecord b44 = builds.get(0);
        assertEquals(new BuildRef(JOB, 44), b44.build());
        assertEquals(Instant.parse("2026-11-26T14:30:00.318Z"), b44.startedAt());
        assertTrue(b44.building());
        assertEquals(Optional.empty(), b44.result());
        ReleaseCandidate rc44 = rc(b44);
        assertEquals("checkout", rc44.getProduct());
        assertEquals(RcState.RUNNING, rc44.getState());
        assertEquals(Instant.parse("2026-11-26T14:31:05.482Z"), rc44.getStartedAt());
        assertEquals(ReleaseManager.of(ALICE, ReleaseManager.Source.USER), rc44.getReleaseManager());
        assertEquals(List.of(new RcEvent(Instant.parse("2026-11-26T14:31:05.482Z"), RcState.RUNNING, RcState.RUNNING,
                Optional.of(ALICE), "passed the gate as the release candidate of checkout")), rc44.getHistory());

        ReleaseCandidate rc43 = rc(builds.get(1));
        assertEquals(Optional.of(BuildResult.FAILURE), builds.get(1).result());
        assertEquals(RcState.FAILED, rc43.getState());
        assertEquals(ReleaseManager.of(CAROL, ReleaseManager.Source.PUSH), rc43.getReleaseManager());
        assertEquals(Optional.of(new ReleaseCandidate.Closure(Optional.empty(), Instant.parse("2026-11-25T16:12:03.207Z"),
                "the build ended FAILURE", Optional.empty(), Optional.empty())), rc43.getClosure());

        ReleaseCandidate rc42 = rc(builds.get(2));
        assertFalse(builds.get(2).building());
        assertEquals(RcState.IN_FLIGHT, rc42.getState());
        assertEquals(BOB, rc42.getReleaseManager().person().orElseThrow());
        // A commit author Jenkins knows only by name has no id.
        assertEquals(List.of(BOB, DAVE), rc42.getChangeAuthors());
        assertEquals(Optional.empty(), rc42.getUrgency());
        assertEquals(Optional.empty(), rc42.getClosure());
        assertEquals(2, rc42.getHistory().size());

        // A plain build: the gate blocked it, so it carries no mark among its actions.
        assertEquals(Optional.empty(), builds.get(3).rc());
        assertEquals(Optional.of(BuildResult.NOT_BUILT), builds.get(3).result());

        ReleaseCandidate rc40 = rc(builds.get(4));
        assertEquals(RcState.PROMOTED, rc40.getState());
        assertEquals(Optional.of(new Urgency(UrgencyCategory.CRITICAL_PATH_BUG, "CHK-1187 totals off by one cent")),
                rc40.getUrgency());
        assertEquals(RcState.PROMOTED, rc40.getHistory().get(2).to());

        ReleaseCandidate rc39 = rc(builds.get(5));
        assertEquals(RcState.SUPERSEDED, rc39.getState());
        ReleaseCandidate.Closure closure = rc39.getClosure().orElseThrow();
        assertEquals(Optional.of(ALICE), closure.by());
        assertEquals(Optional.of(new BuildRef(JOB, 40)), closure.closedFor());
    }

    @Test
    public void theHotfixSampleHasAnUnassignedAndARejectedCandidate() {
        HistoryFile history = HistoryFile.read(Paths.get(Histories.HOTFIX));
        assertEquals("checkout/hotfix", history.job());
        List<BuildRecord> builds = history.builds();
        assertEquals(3, builds.size());
        ReleaseCandidate rc8 = rc(builds.get(0));
        assertEquals(ReleaseManager.unassigned(), rc8.getReleaseManager());
        assertEquals(List.of(), rc8.getChangeAuthors());
        assertEquals(Optional.empty(), rc8.getHistory().get(0).by());
        ReleaseCandidate rc7 = rc(builds.get(1));
        assertEquals(RcState.REJECTED, rc7.getState());
        ReleaseCandidate.Closure closure = rc7.getClosure().orElseThrow();
        assertEquals(Optional.of(CAROL), closure.by());
        assertEquals("totals wrong", closure.reason());
        assertEquals(Optional.of("fix in checkout/hotfix#8"), closure.nextSteps());
        assertEquals(Optional.empty(), builds.get(2).rc());
    }

    @Test
    public void theMarkIsFoundByItsKeysNotItsClassAndNewKeysAreIgnored() {
        Path file = Histories.changed(tmp, Histories.RC, h -> {
            ObjectNode mark = Histories.mark(h, 2);
            mark.put("_class", "io.jenkins.plugins.releasegate.RenamedAction");
            mark.put("exportedLater", "anything");
            ((ObjectNode) mark.get("releaseManager")).put("_class", "io.jenkins.plugins.releasegate.PersonBean");
            h.put("description", "a key the query did not ask for");
        });
        BuildRecord b42 = HistoryFile.read(file).builds().get(2);
        assertEquals(RcState.IN_FLIGHT, rc(b42).getState());
        assertEquals(BOB, rc(b42).getReleaseManager().person().orElseThrow());
    }

    @Test
    public void optionalFieldsMayBeNullOrLeftOut() {
        Path file = Histories.changed(tmp, Histories.RC, h -> {
            ObjectNode mark = Histories.mark(h, 2);
            mark.remove(List.of("changeAuthors", "urgency", "closure", "history"));
            Histories.mark(h, 1).putNull("history");
            ((ObjectNode) Histories.mark(h, 1).get("closure")).remove("nextSteps");
        });
        List<BuildRecord> builds = HistoryFile.read(file).builds();
        ReleaseCandidate rc42 = rc(builds.get(2));
        assertEquals(List.of(), rc42.getChangeAuthors());
        assertEquals(List.of(), rc42.getHistory());
        assertEquals(Optional.empty(), rc(builds.get(1)).getClosure().orElseThrow().nextSteps());
    }

    @Test
    public void anEmptyHistoryHasNoBuilds() {
        Path file = Histories.write(tmp, "{\"_class\": \"org.jenkinsci.plugins.workflow.job.WorkflowJob\", "
                + "\"fullName\": \"checkout/release-candidate\", \"allBuilds\": []}");
        assertEquals(List.of(), HistoryFile.read(file).builds());
    }
}
