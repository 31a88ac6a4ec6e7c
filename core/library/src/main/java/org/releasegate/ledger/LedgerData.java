package org.releasegate.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.releasegate.hold.Hold;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * What a ledger holds open, as plain values: what the plugin persists and reads back. Its size follows what is open
 * (RCs in flight and the latest closed, the queue, holds, the production lock), never the history.
 *
 * @param products each product's state, by name
 * @param holds the standing holds
 * @param audit audit entries kept inline by an older ledger file, to be moved to the {@link AuditJournal}; a ledger
 *     exports none, since its audit goes to the journal
 * @param nextHoldNumber the number the next hold id takes
 */
public record LedgerData(Map<String, Product> products, List<Hold> holds, List<AuditEntry> audit, long nextHoldNumber) {
    public LedgerData {
        products = Map.copyOf(products);
        holds = List.copyOf(holds);
        audit = List.copyOf(audit);
    }

    /**
     * One product's release state.
     *
     * @param candidates RCs, newest first: the open ones and the most recently closed
     * @param queue builds waiting at the gate
     * @param productionInProgress the build releasing to production now
     * @param pendingPromotion the RC that build promotes when it succeeds
     * @param staleAnnounced RCs whose staleness was already announced
     */
    public record Product(List<ReleaseCandidate> candidates, List<Waiter> queue, Optional<BuildRef> productionInProgress,
            Optional<BuildRef> pendingPromotion, Set<BuildRef> staleAnnounced) {
        public Product {
            candidates = List.copyOf(candidates);
            queue = List.copyOf(queue);
            staleAnnounced = Set.copyOf(staleAnnounced);
        }
    }
}
