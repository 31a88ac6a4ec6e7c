package org.releasegate.ledger;

import java.util.List;
import java.util.Objects;
import org.releasegate.decision.GateDecision;

/**
 * What came of a request at the gate: the decision, and the events to announce, in the order to announce them.
 *
 * @param decision the decision
 * @param events what changed, for the product's channel
 * @param queued whether the build now waits in the queue
 */
public record GateOutcome(GateDecision decision, List<LedgerEvent> events, boolean queued) {
    public GateOutcome {
        Objects.requireNonNull(decision, "decision");
        events = List.copyOf(events);
    }
}
