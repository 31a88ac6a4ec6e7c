package org.releasegate.decision;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.releasegate.exception.Lift;
import org.releasegate.exception.UrgentException;
import org.releasegate.people.Person;

/**
 * An urgent exception the gate applied.
 *
 * @param exception the category and reason given
 * @param lifted the rules it set aside
 * @param requester who asked
 * @param approvedBy who approved, when the requester could not override alone
 */
public record AppliedException(UrgentException exception, Set<Lift> lifted, Optional<Person> requester,
        Optional<Person> approvedBy) {
    public AppliedException {
        Objects.requireNonNull(exception, "exception");
        lifted = Collections.unmodifiableSet(lifted.isEmpty() ? EnumSet.noneOf(Lift.class) : EnumSet.copyOf(lifted));
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
