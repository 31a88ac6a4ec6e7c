package org.releasegate.people;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** People are the same Jenkins user by id only: names change, "anonymous" is everyone, pushers are just names. */
public class PersonTest {
    @Test
    public void theSameIdIsTheSamePersonWhateverTheName() {
        assertTrue(Person.user("alice", "Alice Archer").isSame(Person.user("alice", "Alice A.")));
        assertTrue(Person.user("alice").isSame(Person.user("alice", "Alice Archer")));
    }

    @Test
    public void differentIdsAreDifferentPeopleEvenWithOneName() {
        assertFalse(Person.user("alice", "Alex").isSame(Person.user("alex", "Alex")));
    }

    @Test
    public void aPersonWithoutAnIdMatchesNobody() {
        Person anonymous = Person.named("anonymous");
        assertFalse(anonymous.isSame(Person.named("anonymous")));
        assertFalse(anonymous.isSame(anonymous));
        assertFalse(anonymous.isSame(Person.user("anonymous")));
        assertFalse(Person.user("anonymous").isSame(anonymous));
        assertFalse(Person.user("bob", "Bob Baker").isSame(Person.named("Bob Baker")));
        assertFalse(Person.named("Bob Baker").isSame(Person.user("bob", "Bob Baker")));
    }

    @Test
    public void nobodyIsSameAsNull() {
        assertFalse(Person.user("alice").isSame(null));
        assertFalse(Person.named("Alice").isSame(null));
    }

    @Test
    public void aPersonNeedsAnIdOrAName() {
        assertThrows(IllegalArgumentException.class, () -> new Person(null, null));
        assertThrows(IllegalArgumentException.class, () -> new Person(" ", ""));
        assertEquals("Alice Archer", new Person(" ", " Alice Archer ").displayName());
        assertEquals(Optional.empty(), new Person(" ", "Alice Archer").userId());
        assertEquals("alice", new Person(" alice ", " ").displayName());
    }

    @Test
    public void aUserIsKnownByIdAndReadByName() {
        Person alice = Person.user("alice", "Alice Archer");
        assertEquals(Optional.of("alice"), alice.userId());
        assertEquals("Alice Archer", alice.toString());
        assertEquals(Optional.of("bob"), Person.user("bob").userId());
        assertEquals("bob", Person.user("bob").toString());
        assertEquals(Optional.empty(), Person.named("Carol Chen").userId());
    }

    @Test
    public void aBlankProductDefaultMakesNoReleaseManager() {
        ReleaseManager rm = ReleaseManagerResolver.resolve(List.of(), Optional.empty(), Optional.of("  "));
        assertFalse(rm.isAssigned());
    }
}
