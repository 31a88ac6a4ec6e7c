package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.IllegalTransitionException;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * The release state of every product, and the only way to change it. Each operation decides and applies under one
 * lock, so two builds asking at the same moment cannot both pass; each returns the events to announce.
 */
public final class ReleaseLedger {
    /** Closed RCs kept per product, so a named RC that was closed can be reported as such. */
    static final int CLOSED_KEPT = 20;

    private final Map<String, ProductState> products = new HashMap<>();
    private final List<Hold> holds = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private long nextHoldNumber = 1;
    /** Counts changes, so a store can skip saving what did not change. */
    private long version;

    /** A product's mutable state. */
    private static final class ProductState {
        final List<ReleaseCandidate> candidates = new ArrayList<>();
        final List<Waiter> queue = new ArrayList<>();
        BuildRef productionInProgress;
        BuildRef pendingPromotion;
        final Set<BuildRef> staleAnnounced = new HashSet<>();
    }

    public ReleaseLedger() {
    }

    private ReleaseLedger(LedgerData data) {
        data.products().forEach((name, p) -> {
            ProductState s = state(name);
            s.candidates.addAll(p.candidates());
            s.queue.addAll(p.queue());
            s.productionInProgress = p.productionInProgress().orElse(null);
            s.pendingPromotion = p.pendingPromotion().orElse(null);
            s.staleAnnounced.addAll(p.staleAnnounced());
        });
        holds.addAll(data.holds());
        audit.addAll(data.audit());
        nextHoldNumber = data.nextHoldNumber();
    }

    /** A ledger holding what was persisted. */
    public static ReleaseLedger from(LedgerData data) {
        return new ReleaseLedger(data);
    }

    public synchronized LedgerData export() {
        Map<String, LedgerData.Product> out = new HashMap<>();
        products.forEach((name, s) -> out.put(name, new LedgerData.Product(s.candidates, s.queue,
                Optional.ofNullable(s.productionInProgress), Optional.ofNullable(s.pendingPromotion),
                s.staleAnnounced)));
        return new LedgerData(out, holds, audit, nextHoldNumber);
    }

    /** Grows with every change to the ledger; the same number means nothing changed. */
    public synchronized long version() {
        return version;
    }

    public synchronized LedgerSnapshot snapshot(String product) {
        ProductState s = state(product);
        List<Hold> standing = holds.stream().filter(h -> h.appliesTo(product)).toList();
        return new LedgerSnapshot(product, s.candidates, standing, s.queue, Optional.ofNullable(s.productionInProgress));
    }

    /** The audit of a product (with the entries about every product), oldest first. */
    public synchronized List<AuditEntry> audit(String product) {
        return audit.stream().filter(e -> e.product().map(product::equals).orElse(true)).toList();
    }

    public synchronized List<Hold> holds() {
        return List.copyOf(holds);
    }

    /**
     * Decides a request and, unless it is a dry run, applies the decision: a new RC, superseded RCs, the production
     * lock, the queue; all in one step.
     */
    public synchronized GateOutcome gate(ProductPolicy policy, GateRequest request, Instant now, GateMode mode) {
        String product = policy.getName();
        GateDecision decision = ReleaseGate.decide(policy, request, snapshot(product), now);
        if (mode == GateMode.DRY_RUN) {
            return new GateOutcome(decision, List.of(), false);
        }
        ProductState s = state(product);
        Optional<BuildRef> build = request.getBuild();
        List<LedgerEvent> events = new ArrayList<>();
        if (decision.isAllowed()) {
            build.ifPresent(b -> leaveQueue(s, product, b, now, "passed the gate"));
            if (request.getStage() == Stage.RC) {
                startCandidate(s, policy, request, decision, now, events);
            } else {
                startProduction(s, product, request, decision, now, events);
            }
            return new GateOutcome(decision, events, false);
        }
        boolean alreadyQueued = build.map(b -> s.queue.stream().anyMatch(w -> w.build().equals(b))).orElse(false);
        if (mode == GateMode.WAIT && build.isPresent()) {
            if (!alreadyQueued) {
                s.queue.add(new Waiter(build.get(), request.getStage(), request.getUrgency().isPresent(), now,
                        request.getRequester()));
                record(now, product, request.getRequester(), Action.QUEUED, build.get().toString(),
                        org.releasegate.message.ConsoleMessage.headline(decision));
                events.add(new LedgerEvent.Blocked(decision, build.map(BuildRef::toString)));
            }
            return new GateOutcome(decision, events, true);
        }
        record(now, product, request.getRequester(), Action.BLOCKED, build.map(BuildRef::toString).orElse("-"),
                org.releasegate.message.ConsoleMessage.headline(decision));
        events.add(new LedgerEvent.Blocked(decision, build.map(BuildRef::toString)));
        return new GateOutcome(decision, events, false);
    }

    private void startCandidate(ProductState s, ProductPolicy policy, GateRequest request, GateDecision decision,
            Instant now, List<LedgerEvent> events) {
        if (request.getBuild().isEmpty()) {
            return; // a what-if: there is no build to make the RC
        }
        BuildRef build = request.getBuild().get();
        if (s.candidates.stream().anyMatch(rc -> rc.getBuild().equals(build) && rc.getState().isOpen())) {
            return;
        }
        ReleaseCandidate rc = ReleaseCandidate.started(build, policy.getName(), decision.releaseManager()
                .orElse(request.getReleaseManager()), request.getChangeAuthors(), request.getUrgency(), now);
        Person actor = request.getRequester().or(() -> rc.getReleaseManager().person()).orElse(null);
        for (ReleaseCandidate old : decision.supersedes()) {
            AppliedUrgency exception = decision.exception().orElseThrow();
            ReleaseCandidate closed = old.supersede(build, actor, exception.urgency().toString(), now);
            replace(s, closed);
            events.add(new LedgerEvent.RcSuperseded(closed, rc, exception));
            record(now, policy.getName(), Optional.ofNullable(actor), Action.RC_SUPERSEDED, old.getBuild().toString(),
                    "superseded by " + build + ": " + exception.urgency());
        }
        decision.exception().ifPresent(e -> {
            events.add(new LedgerEvent.ExceptionUsed(policy.getName(), build.toString(), e));
            record(now, policy.getName(), e.requester(), Action.EXCEPTION_USED, build.toString(),
                    org.releasegate.message.ConsoleMessage.exception(e));
        });
        s.candidates.add(0, rc);
        events.add(new LedgerEvent.RcStarted(rc));
        record(now, policy.getName(), rc.getReleaseManager().person(), Action.RC_STARTED, build.toString(),
                "release manager " + rc.getReleaseManager().displayName());
        trimClosed(s);
    }

    private void startProduction(ProductState s, String product, GateRequest request, GateDecision decision,
            Instant now, List<LedgerEvent> events) {
        Optional<BuildRef> build = request.getBuild();
        if (build.isEmpty()) {
            return;
        }
        decision.exception().ifPresent(e -> {
            events.add(new LedgerEvent.ExceptionUsed(product, build.get().toString(), e));
            record(now, product, e.requester(), Action.EXCEPTION_USED, build.get().toString(),
                    org.releasegate.message.ConsoleMessage.exception(e));
        });
        s.productionInProgress = build.get();
        s.pendingPromotion = decision.promotes().map(ReleaseCandidate::getBuild).orElse(null);
        record(now, product, request.getRequester(), Action.PRODUCTION_STARTED, build.get().toString(),
                decision.promotes().map(rc -> "promotes " + rc.getBuild()).orElse("no release candidate"));
    }

    /**
     * A build ended: an RC build moves its RC (in flight, or failed and the product freed); a production build
     * releases the production lock and, if it succeeded, promotes its RC; a waiter leaves the queue.
     */
    public synchronized List<LedgerEvent> buildFinished(ProductPolicy policy, BuildRef build, BuildResult result,
            Instant now) {
        String product = policy.getName();
        ProductState s = state(product);
        List<LedgerEvent> events = new ArrayList<>();
        leaveQueue(s, product, build, now, "build ended " + result);
        find(s, build).filter(rc -> rc.getState() == RcState.RUNNING).ifPresent(rc -> {
            ReleaseCandidate after = rc.finished(result, policy.getUnstableRc(), now);
            replace(s, after);
            if (after.getState() == RcState.FAILED) {
                events.add(new LedgerEvent.RcFailed(after));
                record(now, product, Optional.empty(), Action.RC_FAILED, build.toString(), "build ended " + result);
            } else {
                events.add(new LedgerEvent.RcDeployed(after));
                record(now, product, Optional.empty(), Action.RC_DEPLOYED, build.toString(), "build ended " + result);
            }
        });
        if (build.equals(s.productionInProgress)) {
            events.addAll(finishProduction(s, policy, build, result == BuildResult.SUCCESS, now));
        }
        return events;
    }

    /** A production release's body ended: promote its RC if it succeeded, and free the product's production lock. */
    public synchronized List<LedgerEvent> productionFinished(ProductPolicy policy, BuildRef build, boolean succeeded,
            Instant now) {
        ProductState s = state(policy.getName());
        if (!build.equals(s.productionInProgress)) {
            return List.of();
        }
        return finishProduction(s, policy, build, succeeded, now);
    }

    private List<LedgerEvent> finishProduction(ProductState s, ProductPolicy policy, BuildRef build, boolean succeeded,
            Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        BuildRef rc = s.pendingPromotion;
        s.productionInProgress = null;
        s.pendingPromotion = null;
        record(now, policy.getName(), Optional.empty(), Action.PRODUCTION_FINISHED, build.toString(),
                succeeded ? "succeeded" : "did not succeed");
        if (succeeded && rc != null && find(s, rc).map(c -> c.getState().isOpen()).orElse(false)) {
            events.addAll(promote(s, policy.getName(), rc, Optional.empty(), now));
        }
        return events;
    }

    /** Promotes an RC by hand, closing every older open RC. */
    public synchronized List<LedgerEvent> promote(ProductPolicy policy, BuildRef rc, Optional<Person> by, Instant now) {
        return promote(state(policy.getName()), policy.getName(), rc, by, now);
    }

    private List<LedgerEvent> promote(ProductState s, String product, BuildRef ref, Optional<Person> by, Instant now) {
        ReleaseCandidate rc = require(s, product, ref);
        ReleaseCandidate promoted = rc.promote(by, now);
        replace(s, promoted);
        record(now, product, by, Action.RC_PROMOTED, ref.toString(), "promoted to production");
        List<ReleaseCandidate> closed = new ArrayList<>();
        for (ReleaseCandidate older : List.copyOf(s.candidates)) {
            if (older.getState().isOpen() && older.getStartedAt().isBefore(rc.getStartedAt())) {
                ReleaseCandidate c = older.closedByPromotion(ref, now);
                replace(s, c);
                closed.add(c);
                record(now, product, Optional.empty(), Action.RC_CLOSED, older.getBuild().toString(),
                        "closed: " + ref + " was promoted");
            }
        }
        trimClosed(s);
        return List.of(new LedgerEvent.RcPromoted(promoted, closed));
    }

    public synchronized List<LedgerEvent> reject(ProductPolicy policy, BuildRef ref, Person by, String reason,
            String nextSteps, Instant now) {
        ProductState s = state(policy.getName());
        ReleaseCandidate rejected = require(s, policy.getName(), ref).reject(by, now, reason, nextSteps);
        replace(s, rejected);
        record(now, policy.getName(), Optional.of(by), Action.RC_REJECTED, ref.toString(),
                reason.trim() + " / next steps: " + nextSteps.trim());
        trimClosed(s);
        return List.of(new LedgerEvent.RcRejected(rejected));
    }

    public synchronized List<LedgerEvent> handOver(ProductPolicy policy, BuildRef ref, Person to, Person by,
            boolean mayManageHolds, Instant now) {
        ProductState s = state(policy.getName());
        ReleaseCandidate rc = require(s, policy.getName(), ref);
        ReleaseCandidate after = rc.handOver(to, by, mayManageHolds, now);
        replace(s, after);
        record(now, policy.getName(), Optional.of(by), Action.HANDED_OVER, ref.toString(),
                "from " + rc.getReleaseManager().displayName() + " to " + to);
        return List.of(new LedgerEvent.HandedOver(after, rc.getReleaseManager().displayName(), by));
    }

    /**
     * Places a hold on one product, or on every product (which needs the right to manage holds).
     *
     * @throws HoldPermissionException when a hold on every product comes from someone who may not manage holds
     */
    public synchronized List<LedgerEvent> placeHold(Optional<String> product, Person author, String reason,
            Optional<Instant> expiresAt, boolean mayManageHolds, Instant now) {
        if (product.isEmpty() && !mayManageHolds) {
            throw new HoldPermissionException(author + " may not hold every product: that needs the Hold permission; "
                    + "hold a single product instead");
        }
        Hold hold = new Hold("hold-" + nextHoldNumber, product, author, reason, now, expiresAt);
        nextHoldNumber++;
        holds.add(hold);
        record(now, product, Optional.of(author), Action.HOLD_PLACED, hold.id(), hold.reason()
                + hold.expiresAt().map(e -> " (expires " + e + ")").orElse(""));
        return List.of(new LedgerEvent.HoldPlaced(hold));
    }

    /**
     * Lifts a hold: its author may, and so may someone allowed to manage holds.
     *
     * @throws HoldPermissionException naming the hold's author otherwise
     * @throws IllegalArgumentException for an unknown hold
     */
    public synchronized List<LedgerEvent> liftHold(String id, Person by, boolean mayManageHolds, Instant now) {
        Hold hold = holds.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No hold \"" + id + "\": it may have been lifted or expired already"));
        if (!hold.author().isSame(by) && !mayManageHolds) {
            throw new HoldPermissionException(by + " may not lift the " + hold.describe() + ": only " + hold.author()
                    + " or someone with the Hold permission can");
        }
        holds.remove(hold);
        record(now, hold.product(), Optional.of(by), Action.HOLD_LIFTED, hold.id(), hold.reason());
        return List.of(new LedgerEvent.HoldLifted(hold, by));
    }

    /** Removes the holds whose expiry has passed. */
    public synchronized List<LedgerEvent> expireHolds(Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Iterator<Hold> it = holds.iterator(); it.hasNext(); ) {
            Hold hold = it.next();
            if (!hold.isActive(now)) {
                it.remove();
                record(now, hold.product(), Optional.empty(), Action.HOLD_EXPIRED, hold.id(), hold.reason());
                events.add(new LedgerEvent.HoldExpired(hold));
            }
        }
        return events;
    }

    /** RCs that went stale since last asked: each is announced once. */
    public synchronized List<LedgerEvent> newlyStale(ProductPolicy policy, Instant now) {
        ProductState s = state(policy.getName());
        List<LedgerEvent> events = new ArrayList<>();
        for (ReleaseCandidate rc : s.candidates) {
            if (rc.isStale(now, policy) && s.staleAnnounced.add(rc.getBuild())) {
                version++;
                events.add(new LedgerEvent.RcStale(rc));
            }
        }
        return events;
    }

    /** A waiting build gave up (aborted, timed out). */
    public synchronized void leaveQueue(String product, BuildRef build, Instant now, String why) {
        leaveQueue(state(product), product, build, now, why);
    }

    private void leaveQueue(ProductState s, String product, BuildRef build, Instant now, String why) {
        if (s.queue.removeIf(w -> w.build().equals(build))) {
            record(now, product, Optional.empty(), Action.LEFT_QUEUE, build.toString(), why);
        }
    }

    /** The builds waiting for any product, so the plugin can ask each again after a change. */
    public synchronized Map<String, List<Waiter>> waiters() {
        Map<String, List<Waiter>> out = new HashMap<>();
        products.forEach((name, s) -> {
            if (!s.queue.isEmpty()) {
                out.put(name, s.queue.stream().sorted(Waiter.ORDER).toList());
            }
        });
        return out;
    }

    /**
     * Replaces what the ledger believes about a product's RCs with what build history says, keeping the queue and
     * holds; RCs the history did not reach (older than it reads) are kept as they were.
     */
    public synchronized RebuildResult rebuild(ProductPolicy policy, Iterator<BuildRecord> newestFirst, Instant now) {
        ProductState s = state(policy.getName());
        RebuildResult result = LedgerRebuild.read(policy, newestFirst, now);
        List<ReleaseCandidate> merged = new ArrayList<>(result.candidates());
        Optional<ReleaseCandidate> promoted = result.stoppedBy() == RebuildResult.StopReason.PROMOTED_RC
                ? Optional.of(result.candidates().get(result.candidates().size() - 1)) : Optional.empty();
        for (ReleaseCandidate known : s.candidates) {
            boolean seen = result.candidates().stream().anyMatch(rc -> rc.getBuild().equals(known.getBuild()));
            boolean reachedByHistory = !known.getStartedAt().isBefore(result.oldestRead().orElse(Instant.MAX));
            if (seen || reachedByHistory) {
                continue; // history is the truth for what it reached; a build it no longer has is gone
            }
            merged.add(promoted.isPresent() && known.getState().isOpen()
                    ? known.closedByPromotion(promoted.get().getBuild(), now) : known);
        }
        merged.sort((a, b) -> b.getStartedAt().compareTo(a.getStartedAt()));
        version++;
        s.candidates.clear();
        s.candidates.addAll(merged);
        trimClosed(s);
        record(now, policy.getName(), Optional.empty(), Action.REBUILT, policy.getName(),
                "read " + result.buildsRead() + " builds; " + result.candidates().size() + " release candidates");
        return result;
    }

    private Optional<ReleaseCandidate> find(ProductState s, BuildRef ref) {
        return s.candidates.stream().filter(rc -> rc.getBuild().equals(ref)).findFirst();
    }

    private ReleaseCandidate require(ProductState s, String product, BuildRef ref) {
        return find(s, ref).orElseThrow(() -> new IllegalTransitionException(ref + " is not a release candidate of "
                + product + " that the gate knows"));
    }

    private static void replace(ProductState s, ReleaseCandidate rc) {
        for (int i = 0; i < s.candidates.size(); i++) {
            if (s.candidates.get(i).getBuild().equals(rc.getBuild())) {
                s.candidates.set(i, rc);
                return;
            }
        }
        s.candidates.add(rc);
    }

    private static void trimClosed(ProductState s) {
        int closed = 0;
        for (Iterator<ReleaseCandidate> it = s.candidates.iterator(); it.hasNext(); ) {
            ReleaseCandidate rc = it.next();
            if (!rc.getState().isOpen() && ++closed > CLOSED_KEPT) {
                it.remove();
                s.staleAnnounced.remove(rc.getBuild());
            }
        }
    }

    private ProductState state(String product) {
        return products.computeIfAbsent(product, p -> new ProductState());
    }

    private void record(Instant at, String product, Optional<Person> actor, Action action, String subject,
            String detail) {
        record(at, Optional.of(product), actor, action, subject, detail);
    }

    private void record(Instant at, Optional<String> product, Optional<Person> actor, Action action, String subject,
            String detail) {
        version++; // every change is audited, so this is the one place it is counted
        audit.add(new AuditEntry(at, product, actor, action, subject, detail));
    }
}
