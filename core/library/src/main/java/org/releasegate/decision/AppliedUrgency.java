package org.releasegate.decision;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.Urgency;
import org.releasegate.people.Person;

/**
 * An urgent exception the gate applied.
 *
 * @param urgency the category and reason given
 * @param lifted the rules it set aside
 * @param requester who asked
 * @param approvedBy who approved, when the requester could not override alone
 */
public record AppliedUrgency(Urgency urgency, Set<Lift> lifted, Optional<Person> requester,
        Optional<Person> approvedBy) {
    public AppliedUrgency {
        Objects.requireNonNull(urgency, "urgency");
        lifted = Collections.unmodifiableSet(lifted.isEmpty() ? EnumSet.noneOf(Lift.class) : EnumSet.copyOf(lifted));
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
