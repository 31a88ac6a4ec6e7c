package org.releasegate.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.hold.Hold;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * A product's release state at one moment, as the gate reasons over it.
 *
 * @param product the product's name
 * @param candidates the RCs the ledger knows, newest first: the open ones and recently closed ones
 * @param holds the holds placed on this product or on every product (expired ones may still be here)
 * @param queue the builds waiting at the gate, in queue order
 * @param productionInProgress the build releasing the product to production now, if any
 */
public record LedgerSnapshot(String product, List<ReleaseCandidate> candidates, List<Hold> holds, List<Waiter> queue,
        Optional<BuildRef> productionInProgress) {
    public LedgerSnapshot {
        Objects.requireNonNull(product, "product");
        candidates = List.copyOf(candidates);
        holds = List.copyOf(holds);
        queue = List.copyOf(queue.stream().sorted(Waiter.ORDER).toList());
        Objects.requireNonNull(productionInProgress, "productionInProgress");
    }

    public static LedgerSnapshot empty(String product) {
        return new LedgerSnapshot(product, List.of(), List.of(), List.of(), Optional.empty());
    }

    public Optional<ReleaseCandidate> candidate(BuildRef build) {
        return candidates.stream().filter(rc -> rc.getBuild().equals(build)).findFirst();
    }

    /** Running or in flight, newest first. */
    public List<ReleaseCandidate> open() {
        return candidates.stream().filter(rc -> rc.getState().isOpen()).toList();
    }
}
