package org.releasegate.people;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** People as Jenkins and the policy name them: an id, a name, or both; never neither. */
public class PersonTest {
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
