package org.releasegate.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.decision.Stage;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/**
 * A build waiting at the gate. First come, first served; urgent requests go first.
 *
 * @param build the waiting build
 * @param stage what it waits for
 * @param urgent whether it asked with an urgent exception
 * @param since when it joined the queue
 * @param requester who triggered it
 */
public record Waiter(BuildRef build, Stage stage, boolean urgent, Instant since, Optional<Person> requester) {
    /** Queue order. */
    public static final Comparator<Waiter> ORDER = Comparator.comparing((Waiter w) -> !w.urgent())
            .thenComparing(Waiter::since).thenComparing(w -> w.build().toString());

    public Waiter {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(requester, "requester");
    }
}
