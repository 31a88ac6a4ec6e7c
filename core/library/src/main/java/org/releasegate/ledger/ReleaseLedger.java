package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;

/**
 * The release state of every product, and the only way to change it. Each operation decides and applies under one
 * lock, so two builds asking at the same moment cannot both pass; each returns the events to announce. The state
 * itself lives in one {@link ProductLedger} per product, the {@link Holds} and the {@link AuditLog}.
 */
public final class ReleaseLedger {
    private final Map<String, ProductLedger> products = new HashMap<>();
    private final AuditLog audit = new AuditLog();
    private final Holds holds = new Holds(audit);
    /** Changes that are announced but not audited (an RC that went stale). */
    private long unaudited;

    public ReleaseLedger() {
    }

    private ReleaseLedger(LedgerData data) {
        data.products().forEach((name, p) -> product(name).restore(p));
        holds.restore(data.holds(), data.nextHoldNumber());
        audit.restore(data.audit());
    }

    /** A ledger holding what was persisted. */
    public static ReleaseLedger from(LedgerData data) {
        return new ReleaseLedger(data);
    }

    public synchronized LedgerData export() {
        Map<String, LedgerData.Product> out = new HashMap<>();
        products.forEach((name, p) -> out.put(name, p.export()));
        // The audit is not part of the saved state: it goes to the journal (unwrittenAudit).
        return new LedgerData(out, holds.all(), List.of(), holds.nextNumber());
    }

    /**
     * The audit entries recorded since they were last written, oldest first: the store appends them to the
     * {@link AuditJournal} when it saves, then calls {@link #auditWritten}.
     */
    public synchronized List<AuditEntry> unwrittenAudit() {
        return audit.unwritten();
    }

    /** The first {@code count} entries of {@link #unwrittenAudit()} are in the journal now. */
    public synchronized void auditWritten(int count) {
        audit.written(count);
    }

    /** Remembers the latest entries read back from the journal (at start-up), for {@link #audit(String)}. */
    public synchronized void restoreRecentAudit(List<AuditEntry> fromJournal) {
        audit.restoreRecent(fromJournal);
    }

    /** Grows with every change to the ledger; the same number means nothing changed. */
    public synchronized long version() {
        return audit.recorded() + unaudited;
    }

    public synchronized LedgerSnapshot snapshot(String product) {
        return product(product).snapshot(holds.on(product));
    }

    /**
     * The latest audit of a product (with the entries about every product), oldest first: at most
     * {@link AuditLog#RECENT_KEPT} of each; the {@link AuditJournal} holds the rest.
     */
    public synchronized List<AuditEntry> audit(String product) {
        return audit.about(product);
    }

    public synchronized List<Hold> holds() {
        return holds.all();
    }

    /**
     * Decides a request and, unless it is a dry run, applies the decision: a new RC, superseded RCs, the production
     * lock, the queue; all in one step.
     */
    public synchronized GateOutcome gate(ProductPolicy policy, GateRequest request, Instant now, GateMode mode) {
        String name = policy.getName();
        GateDecision decision = ReleaseGate.decide(policy, request, snapshot(name), now);
        if (mode == GateMode.DRY_RUN) {
            return new GateOutcome(decision, List.of(), false);
        }
        ProductLedger p = product(name);
        Optional<BuildRef> build = request.getBuild();
        List<LedgerEvent> events = new ArrayList<>(p.expire(policy, now)); // the decision warned of them
        if (decision.isAllowed()) {
            build.ifPresent(b -> p.leaveQueue(b, now, "passed the gate"));
            if (request.getStage() == Stage.RC) {
                p.startCandidate(policy, request, decision, now, events);
            } else {
                p.startProduction(request, decision, now, events);
            }
            return new GateOutcome(decision, events, false);
        }
        if (mode == GateMode.WAIT && build.isPresent()) {
            if (!p.isQueued(build.get())) {
                p.enqueue(new Waiter(build.get(), request.getStage(), request.getUrgency().isPresent(), now,
                        request.getRequester()), decision);
                events.add(new LedgerEvent.Blocked(decision, build.map(BuildRef::toString)));
            }
            return new GateOutcome(decision, events, true);
        }
        audit.blocked(now, name, request.getRequester(), build, decision);
        events.add(new LedgerEvent.Blocked(decision, build.map(BuildRef::toString)));
        return new GateOutcome(decision, events, false);
    }

    /**
     * A build ended: an RC build moves its RC (in flight, or failed and the product freed); a production build
     * releases the production lock and, if it succeeded, promotes its RC; a waiter leaves the queue.
     */
    public synchronized List<LedgerEvent> buildFinished(ProductPolicy policy, BuildRef build, BuildResult result,
            Instant now) {
        return product(policy.getName()).buildFinished(policy, build, result, now);
    }

    /** A production release's body ended: promote its RC if it succeeded, and free the product's production lock. */
    public synchronized List<LedgerEvent> productionFinished(ProductPolicy policy, BuildRef build, boolean succeeded,
            Instant now) {
        return product(policy.getName()).productionFinished(build, succeeded, now);
    }

    /** Promotes an RC by hand, closing every older open RC. */
    public synchronized List<LedgerEvent> promote(ProductPolicy policy, BuildRef rc, Optional<Person> by, Instant now) {
        return product(policy.getName()).promote(rc, by, now);
    }

    public synchronized List<LedgerEvent> reject(ProductPolicy policy, BuildRef ref, Person by, String reason,
            String nextSteps, Instant now) {
        return product(policy.getName()).reject(ref, by, reason, nextSteps, now);
    }

    public synchronized List<LedgerEvent> handOver(ProductPolicy policy, BuildRef ref, Person to, Person by,
            boolean mayManageHolds, Instant now) {
        return product(policy.getName()).handOver(ref, to, by, mayManageHolds, now);
    }

    /**
     * Places a hold on one product, or on every product (which needs the right to manage holds).
     *
     * @throws HoldPermissionException when a hold on every product comes from someone who may not manage holds
     */
    public synchronized List<LedgerEvent> placeHold(Optional<String> product, Person author, String reason,
            Optional<Instant> expiresAt, boolean mayManageHolds, Instant now) {
        return holds.place(product, author, reason, expiresAt, mayManageHolds, now);
    }

    /**
     * Lifts a hold: its author may, and so may someone allowed to manage holds.
     *
     * @throws HoldPermissionException naming the hold's author otherwise
     * @throws IllegalArgumentException for an unknown hold
     */
    public synchronized List<LedgerEvent> liftHold(String id, Person by, boolean mayManageHolds, Instant now) {
        return holds.lift(id, by, mayManageHolds, now);
    }

    /** Removes the holds whose expiry has passed. */
    public synchronized List<LedgerEvent> expireHolds(Instant now) {
        return holds.expire(now);
    }

    /**
     * Closes the product's RCs left open past its expiry age ({@link ProductPolicy#getRcExpiryAge()}); each is closed,
     * audited and announced once.
     */
    public synchronized List<LedgerEvent> expireCandidates(ProductPolicy policy, Instant now) {
        return product(policy.getName()).expire(policy, now);
    }

    /** RCs that went stale since last asked: each is announced once. */
    public synchronized List<LedgerEvent> newlyStale(ProductPolicy policy, Instant now) {
        List<LedgerEvent> events = product(policy.getName()).newlyStale(policy, now);
        unaudited += events.size();
        return events;
    }

    /**
     * A waiting build gave up (aborted, timed out).
     *
     * @return a {@link LedgerEvent.TurnFreed} when it was waiting, so the builds behind it look again
     */
    public synchronized List<LedgerEvent> leaveQueue(String product, BuildRef build, Instant now, String why) {
        return product(product).leaveQueue(build, now, why)
                ? List.of(new LedgerEvent.TurnFreed(product, build, why)) : List.of();
    }

    /**
     * A build was deleted. Whatever it held, in any product, is let go: its open RC is closed as removed, the
     * production lock is freed without promoting, it leaves the queue. This goes by the build's reference, not by
     * the products its job is bound to now (the binding may have changed since the build passed the gate).
     */
    public synchronized List<LedgerEvent> buildRemoved(BuildRef build, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        new TreeMap<>(products).values().forEach(p -> events.addAll(p.buildRemoved(build, now)));
        return events;
    }

    /**
     * The products whose ledger refers to {@code build} (an RC, a place in the queue, the production lock), by its
     * reference alone: a build that ends is finished in each, whatever products its job is bound to now (a job renamed
     * or moved out of a product's job patterns, or a binding an administrator changed while the build ran).
     */
    public synchronized List<String> productsReferringTo(BuildRef build) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(products).forEach((name, p) -> {
            if (p.heldBy(build.job()).contains(build)) {
                out.add(name);
            }
        });
        return out;
    }

    /** A job was deleted with its builds: each of its builds the ledger holds on to is removed, as one deleted. */
    public synchronized List<LedgerEvent> jobRemoved(String job, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (ProductLedger p : new TreeMap<>(products).values()) {
            for (BuildRef build : new TreeSet<>(p.heldBy(job))) {
                events.addAll(p.buildRemoved(build, now));
            }
        }
        return events;
    }

    /**
     * A job was renamed or moved (or a folder above it was): the ledger's references to its builds follow it.
     *
     * @return the products whose state referred to the job
     */
    public synchronized List<String> jobMoved(String from, String to, Instant now) {
        List<String> changed = new ArrayList<>();
        products.forEach((name, p) -> {
            if (p.jobMoved(from, to, now)) {
                changed.add(name);
            }
        });
        changed.sort(null);
        return changed;
    }

    /** The builds waiting for any product, so the plugin can ask each again after a change. */
    public synchronized Map<String, List<Waiter>> waiters() {
        Map<String, List<Waiter>> out = new HashMap<>();
        products.forEach((name, p) -> {
            List<Waiter> waiting = p.waiters();
            if (!waiting.isEmpty()) {
                out.put(name, waiting);
            }
        });
        return out;
    }

    /**
     * Replaces what the ledger believes about a product's RCs with what build history says, keeping the queue and
     * holds; RCs the history did not reach (older than it reads) are kept as they were.
     */
    public synchronized RebuildResult rebuild(ProductPolicy policy, Iterator<BuildRecord> newestFirst, Instant now) {
        RebuildResult result = LedgerRebuild.read(policy, newestFirst, now);
        product(policy.getName()).rebuild(result, now, now);
        return result;
    }

    /**
     * Takes what build history said, read at {@code readAt} without holding the ledger (reading history loads builds
     * from disk, and every gate look waits on this lock). An RC the ledger started or changed after {@code readAt} is
     * newer than what history could say about it, and stays as the ledger has it.
     *
     * @param read {@link LedgerRebuild#read} of the product's history, from {@code readAt}
     */
    public synchronized void rebuild(ProductPolicy policy, RebuildResult read, Instant readAt, Instant now) {
        product(policy.getName()).rebuild(read, readAt, now);
    }

    private ProductLedger product(String name) {
        return products.computeIfAbsent(name, n -> new ProductLedger(n, audit));
    }
}
