package org.releasegate.people;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

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
}
