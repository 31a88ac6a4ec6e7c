package org.releasegate.cli;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.ReleaseCandidate;

/**
 * What the plugin may write as null is read as the plugin reads its own marks back (core's {@code Person.ofNullable}
 * and {@code ReleaseManager.restore}, which the plugin's records use too), never refused.
 */
public class HistoryNullsTest {
    private static final Person BOB = Person.user("bob", "Bob Baker");
    private static final Person CAROL = Person.user("carol", "Carol Chen");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** The mark of the sample's build at {@code index}, read after {@code change}. */
    private ReleaseCandidate markAfter(int index, Consumer<ObjectNode> change) {
        Path file = Histories.changed(tmp, Histories.RC, change);
        return HistoryFile.read(file).builds().get(index).rc().orElseThrow();
    }

    @Test
    public void aReleaseManagerWithoutSourceStartedTheBuild() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager"))
                .putNull("source"));
        assertEquals(ReleaseManager.of(BOB, ReleaseManager.Source.USER), rc.getReleaseManager());
    }

    @Test
    public void aReleaseManagerWithoutSourceOrPersonIsUnassigned() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager"))
                .putNull("source").putNull("id").putNull("displayName"));
        assertEquals(ReleaseManager.unassigned(), rc.getReleaseManager());
    }

    @Test
    public void aReleaseManagerNamingNobodyIsUnassigned() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager"))
                .putNull("id").put("displayName", " "));
        assertEquals(ReleaseManager.unassigned(), rc.getReleaseManager());
    }

    @Test
    public void anUnassignedSourceIsUnassignedWhoeverIsNamed() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("releaseManager"))
                .put("source", "UNASSIGNED"));
        assertEquals(ReleaseManager.unassigned(), rc.getReleaseManager());
    }

    @Test
    public void anEventWithoutNoteSaysNothing() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("history").get(1))
                .putNull("note"));
        assertEquals("", rc.getHistory().get(1).note());
        assertEquals("passed the gate as the release candidate of checkout", rc.getHistory().get(0).note());
    }

    @Test
    public void aClosureWithoutReasonSaysNothing() {
        ReleaseCandidate rc = markAfter(1, h -> ((ObjectNode) Histories.mark(h, 1).get("closure")).putNull("reason"));
        assertEquals("", rc.getClosure().orElseThrow().reason());
    }

    @Test
    public void anAuthorWithNeitherIdNorNameIsLeftOut() {
        ReleaseCandidate rc = markAfter(2, h -> ((ObjectNode) Histories.mark(h, 2).get("changeAuthors").get(1))
                .putNull("id").putNull("displayName"));
        assertEquals(List.of(BOB), rc.getChangeAuthors());
    }

    @Test
    public void anEventOrClosureByNobodyIsByNobody() {
        ReleaseCandidate rc = markAfter(5, h -> {
            ((ObjectNode) Histories.mark(h, 5).get("history").get(2).get("by")).put("id", "").putNull("displayName");
            ((ObjectNode) Histories.mark(h, 5).get("closure").get("by")).putNull("id").putNull("displayName");
        });
        assertEquals(Optional.empty(), rc.getHistory().get(2).by());
        assertEquals(Optional.empty(), rc.getClosure().orElseThrow().by());
        assertEquals(Optional.of(BOB), rc.getHistory().get(0).by());
    }

    @Test
    public void aPersonKnownByIdAloneIsNamedById() {
        ReleaseCandidate rc = markAfter(1, h -> ((ObjectNode) Histories.mark(h, 1).get("changeAuthors").get(0))
                .putNull("displayName"));
        assertEquals(Person.user("carol"), rc.getChangeAuthors().get(0));
        assertEquals(CAROL.id(), rc.getChangeAuthors().get(0).displayName());
    }
}
