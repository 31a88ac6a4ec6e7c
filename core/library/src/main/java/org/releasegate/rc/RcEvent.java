package org.releasegate.rc;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.people.Person;

/**
 * One step in an RC's history.
 *
 * @param at when
 * @param from the state before
 * @param to the state after (the same for a hand-over)
 * @param by who did it, when a person did
 * @param note what happened, in words
 */
public record RcEvent(Instant at, RcState from, RcState to, Optional<Person> by, String note) {
    public RcEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
    }
}
