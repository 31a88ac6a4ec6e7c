package org.releasegate.people;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import org.junit.Test;
import org.releasegate.people.ReleaseManager.Source;

/** How a stored record or an RC mark names people, as the plugin and the command line both read it. */
public class StoredPeopleTest {
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Test
    public void aPersonNeedsAnIdOrAName() {
        assertEquals(Optional.of(ALICE), Person.ofNullable("alice", "Alice Archer"));
        assertEquals(Optional.of(Person.user("alice")), Person.ofNullable("alice", null));
        assertEquals(Optional.of(Person.named("Dave")), Person.ofNullable(null, "Dave"));
        assertEquals(Optional.of(Person.named("Dave")), Person.ofNullable(" ", "Dave"));
        assertEquals(Optional.of(Person.user("alice")), Person.ofNullable("alice", " "));
    }

    @Test
    public void neitherIdNorNameIsNobody() {
        assertEquals(Optional.empty(), Person.ofNullable(null, null));
        assertEquals(Optional.empty(), Person.ofNullable("", " "));
        assertEquals(Optional.empty(), Person.ofNullable(" ", null));
        assertEquals(Optional.empty(), Person.ofNullable(null, ""));
    }

    @Test
    public void aReleaseManagerKeepsItsSource() {
        assertEquals(ReleaseManager.of(ALICE, Source.PUSH), ReleaseManager.restore(Optional.of(ALICE), Source.PUSH));
    }

    @Test
    public void aReleaseManagerWithoutSourceStartedTheBuild() {
        assertEquals(ReleaseManager.of(ALICE, Source.USER), ReleaseManager.restore(Optional.of(ALICE), null));
    }

    @Test
    public void nobodyOrUnassignedIsUnassigned() {
        assertEquals(ReleaseManager.unassigned(), ReleaseManager.restore(Optional.empty(), Source.USER));
        assertEquals(ReleaseManager.unassigned(), ReleaseManager.restore(Optional.empty(), null));
        assertEquals(ReleaseManager.unassigned(), ReleaseManager.restore(Optional.of(ALICE), Source.UNASSIGNED));
    }
}
