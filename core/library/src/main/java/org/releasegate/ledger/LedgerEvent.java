package org.releasegate.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * Something that changed (or was refused) in a product's release state, for the people who follow the product: the
 * plugin posts each to the product's channel and wakes the builds waiting at the gate.
 */
public sealed interface LedgerEvent {
    /** The product concerned, or empty for every product. */
    Optional<String> product();

    /** A new RC passed the gate. */
    record RcStarted(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC is about to be closed for an urgent newer one; sent before {@link RcStarted} of the newer RC. */
    record RcSuperseded(ReleaseCandidate closed, ReleaseCandidate newer, AppliedUrgency exception)
            implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(closed.getProduct());
        }
    }

    /** A request was blocked. */
    record Blocked(GateDecision decision, Optional<String> build) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(decision.product());
        }
    }

    /** An urgent exception let a request pass. */
    record ExceptionUsed(String productName, String build, AppliedUrgency exception) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(productName);
        }
    }

    /** An RC build ended and deployed to CI/QA: the RC is in flight. Not announced; its mark changes. */
    record RcDeployed(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC build ended without deploying. */
    record RcFailed(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC reached production; older open RCs were closed. */
    record RcPromoted(ReleaseCandidate rc, List<ReleaseCandidate> closed) implements LedgerEvent {
        public RcPromoted {
            closed = List.copyOf(closed);
        }

        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC will not be promoted; the closure carries the reason and the next steps. */
    record RcRejected(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** Release management changed hands. */
    record HandedOver(ReleaseCandidate rc, String from, Person by) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC went stale; told once per RC. */
    record RcStale(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /**
     * A build let go of its turn without an RC changing: it left the queue, its production release ended without
     * promoting, or it was deleted. Not announced; the builds waiting for the product look again.
     */
    record TurnFreed(String productName, BuildRef build, String why) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(productName);
        }
    }

    /** An open RC's build was deleted: the RC is closed and no longer holds the product. */
    record RcRemoved(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** An RC was left open past the product's expiry age: the gate closed it, and it will never be promoted. */
    record RcExpired(ReleaseCandidate rc) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(rc.getProduct());
        }
    }

    /** A hold was placed. */
    record HoldPlaced(Hold hold) implements LedgerEvent {
        public Optional<String> product() {
            return hold.product();
        }
    }

    /** A hold was lifted by someone. */
    record HoldLifted(Hold hold, Person by) implements LedgerEvent {
        public Optional<String> product() {
            return hold.product();
        }
    }

    /** A hold reached its expiry. */
    record HoldExpired(Hold hold) implements LedgerEvent {
        public Optional<String> product() {
            return hold.product();
        }
    }

    /**
     * A production release that passed the gate is still running after the production window closed: it is not
     * stopped, but the team hears of it, once.
     *
     * @param productName the product released
     * @param build the production build
     * @param closedAt when production closed
     */
    record StillRunning(String productName, BuildRef build, Instant closedAt) implements LedgerEvent {
        public Optional<String> product() {
            return Optional.of(productName);
        }
    }
}
