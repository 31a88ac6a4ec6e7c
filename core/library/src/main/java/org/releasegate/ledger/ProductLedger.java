package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.UnknownCandidateException;
import org.releasegate.rc.RcEvent;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * One product's release state: its RCs and their lifecycle, its production lock and its queue. Not thread-safe; the
 * {@link ReleaseLedger} that owns it serialises every call.
 */
final class ProductLedger {
    /** Closed RCs kept per product, so a named RC that was closed can be reported as such. */
    static final int CLOSED_KEPT = 20;

    private final String product;
    private final AuditLog audit;
    private final List<ReleaseCandidate> candidates = new ArrayList<>();
    private final List<Waiter> queue = new ArrayList<>();
    private BuildRef productionInProgress;
    private BuildRef pendingPromotion;
    private final Set<BuildRef> staleAnnounced = new HashSet<>();

    ProductLedger(String product, AuditLog audit) {
        this.product = product;
        this.audit = audit;
    }

    void restore(LedgerData.Product saved) {
        candidates.addAll(saved.candidates());
        queue.addAll(saved.queue());
        productionInProgress = saved.productionInProgress().orElse(null);
        pendingPromotion = saved.pendingPromotion().orElse(null);
        staleAnnounced.addAll(saved.staleAnnounced());
    }

    LedgerData.Product export() {
        return new LedgerData.Product(candidates, queue, Optional.ofNullable(productionInProgress),
                Optional.ofNullable(pendingPromotion), staleAnnounced);
    }

    LedgerSnapshot snapshot(List<Hold> holds) {
        return new LedgerSnapshot(product, candidates, holds, queue, Optional.ofNullable(productionInProgress));
    }

    boolean isQueued(BuildRef build) {
        return queue.stream().anyMatch(w -> w.build().equals(build));
    }

    /** The waiting builds in queue order. */
    List<Waiter> waiters() {
        return queue.stream().sorted(Waiter.ORDER).toList();
    }

    void enqueue(Waiter waiter, GateDecision decision) {
        queue.add(waiter);
        audit.queued(waiter.since(), product, waiter.requester(), waiter.build(), decision);
    }

    /** @return whether the build was waiting */
    boolean leaveQueue(BuildRef build, Instant now, String why) {
        if (queue.removeIf(w -> w.build().equals(build))) {
            audit.leftQueue(now, product, build, why);
            return true;
        }
        return false;
    }

    void startCandidate(ProductPolicy policy, GateRequest request, GateDecision decision, Instant now,
            List<LedgerEvent> events) {
        if (request.getBuild().isEmpty()) {
            return; // a what-if: there is no build to make the RC
        }
        BuildRef build = request.getBuild().get();
        if (candidates.stream().anyMatch(rc -> rc.getBuild().equals(build) && rc.getState().isOpen())) {
            return;
        }
        ReleaseCandidate rc = ReleaseCandidate.started(build, policy.getName(), decision.releaseManager()
                .orElse(request.getReleaseManager()), request.getChangeAuthors(), request.getUrgency(), now);
        Person actor = request.getRequester().or(() -> rc.getReleaseManager().person()).orElse(null);
        for (ReleaseCandidate old : decision.supersedes()) {
            AppliedUrgency exception = decision.exception().orElseThrow();
            ReleaseCandidate closed = old.supersede(build, actor, exception.urgency().toString(), now);
            replace(closed);
            events.add(new LedgerEvent.RcSuperseded(closed, rc, exception));
            audit.superseded(now, product, Optional.ofNullable(actor), old, build, exception);
        }
        decision.exception().ifPresent(e -> {
            events.add(new LedgerEvent.ExceptionUsed(product, build.toString(), e));
            audit.exceptionUsed(now, product, build, e);
        });
        candidates.add(0, rc);
        events.add(new LedgerEvent.RcStarted(rc));
        audit.rcStarted(now, rc);
        trimClosed();
    }

    void startProduction(GateRequest request, GateDecision decision, Instant now, List<LedgerEvent> events) {
        Optional<BuildRef> build = request.getBuild();
        if (build.isEmpty()) {
            return;
        }
        decision.exception().ifPresent(e -> {
            events.add(new LedgerEvent.ExceptionUsed(product, build.get().toString(), e));
            audit.exceptionUsed(now, product, build.get(), e);
        });
        productionInProgress = build.get();
        pendingPromotion = decision.promotes().map(ReleaseCandidate::getBuild).orElse(null);
        audit.productionStarted(now, product, request.getRequester(), build.get(), decision.promotes());
    }

    List<LedgerEvent> buildFinished(ProductPolicy policy, BuildRef build, BuildResult result, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        if (leaveQueue(build, now, "build ended " + result)) {
            events.add(new LedgerEvent.TurnFreed(product, build, "its build ended " + result));
        }
        find(build).filter(rc -> rc.getState() == RcState.RUNNING).ifPresent(rc -> {
            ReleaseCandidate after = rc.finished(result, policy.getUnstableRc(), now);
            replace(after);
            boolean failed = after.getState() == RcState.FAILED;
            events.add(failed ? new LedgerEvent.RcFailed(after) : new LedgerEvent.RcDeployed(after));
            audit.rcBuildEnded(now, product, build, result, failed);
        });
        if (build.equals(productionInProgress)) {
            events.addAll(finishProduction(build, result == BuildResult.SUCCESS, now));
        }
        return events;
    }

    List<LedgerEvent> productionFinished(BuildRef build, boolean succeeded, Instant now) {
        if (!build.equals(productionInProgress)) {
            return List.of();
        }
        return finishProduction(build, succeeded, now);
    }

    private List<LedgerEvent> finishProduction(BuildRef build, boolean succeeded, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        BuildRef rc = pendingPromotion;
        productionInProgress = null;
        pendingPromotion = null;
        audit.productionFinished(now, product, build, succeeded);
        if (succeeded && rc != null && find(rc).map(c -> c.getState().isOpen()).orElse(false)) {
            events.addAll(promote(rc, Optional.empty(), now));
        } else {
            events.add(new LedgerEvent.TurnFreed(product, build, "its production release ended without promoting"));
        }
        return events;
    }

    /** Promotes an RC, closing every older open RC. */
    List<LedgerEvent> promote(BuildRef ref, Optional<Person> by, Instant now) {
        ReleaseCandidate rc = require(ref);
        ReleaseCandidate promoted = rc.promote(by, now);
        replace(promoted);
        audit.promoted(now, product, by, ref);
        List<ReleaseCandidate> closed = new ArrayList<>();
        for (ReleaseCandidate older : List.copyOf(candidates)) {
            if (older.getState().isOpen() && older.getStartedAt().isBefore(rc.getStartedAt())) {
                ReleaseCandidate c = older.closedByPromotion(ref, now);
                replace(c);
                closed.add(c);
                audit.closedByPromotion(now, product, older.getBuild(), ref);
            }
        }
        trimClosed();
        return List.of(new LedgerEvent.RcPromoted(promoted, closed));
    }

    List<LedgerEvent> reject(BuildRef ref, Person by, String reason, String nextSteps, Instant now) {
        ReleaseCandidate rejected = require(ref).reject(by, now, reason, nextSteps);
        replace(rejected);
        audit.rejected(now, product, by, ref, reason, nextSteps);
        trimClosed();
        return List.of(new LedgerEvent.RcRejected(rejected));
    }

    List<LedgerEvent> handOver(BuildRef ref, Person to, Person by, boolean mayManageHolds, Instant now) {
        ReleaseCandidate rc = require(ref);
        ReleaseCandidate after = rc.handOver(to, by, mayManageHolds, now);
        replace(after);
        audit.handedOver(now, product, by, ref, rc.getReleaseManager().displayName(), to);
        return List.of(new LedgerEvent.HandedOver(after, rc.getReleaseManager().displayName(), by));
    }

    /**
     * A build was deleted: it lets go of whatever it held here, its open RC (closed as removed), the production lock
     * (without promoting) and its place in the queue. A production release that was to promote its RC goes on, and
     * promotes nothing: the RC is closed.
     */
    List<LedgerEvent> buildRemoved(BuildRef build, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        if (leaveQueue(build, now, "build deleted")) {
            events.add(new LedgerEvent.TurnFreed(product, build, "its build was deleted while waiting"));
        }
        find(build).filter(rc -> rc.getState().isOpen()).ifPresent(rc -> {
            ReleaseCandidate removed = rc.removed(now);
            replace(removed);
            audit.buildRemoved(now, product, build, "its release candidate (" + rc.getState() + ") was closed");
            events.add(new LedgerEvent.RcRemoved(removed));
        });
        if (build.equals(productionInProgress)) {
            productionInProgress = null;
            pendingPromotion = null;
            audit.buildRemoved(now, product, build, "its production release let go of the production lock");
            events.add(new LedgerEvent.TurnFreed(product, build, "its production release was deleted"));
        }
        staleAnnounced.remove(build);
        return events;
    }

    /** The builds of {@code job} this product knows: RCs (a closed one is let alone), waiters, the production lock. */
    Set<BuildRef> heldBy(String job) {
        Set<BuildRef> out = new HashSet<>();
        candidates.forEach(rc -> out.add(rc.getBuild()));
        queue.forEach(w -> out.add(w.build()));
        if (productionInProgress != null) {
            out.add(productionInProgress);
        }
        out.removeIf(b -> !b.job().equals(job));
        return out;
    }

    /**
     * A job was renamed or moved: every reference to its builds (RCs, the queue, the production lock) follows it.
     *
     * @return whether anything here referred to the job
     */
    boolean jobMoved(String from, String to, Instant now) {
        boolean changed = false;
        for (int i = 0; i < candidates.size(); i++) {
            ReleaseCandidate moved = candidates.get(i).moved(from, to);
            if (moved != candidates.get(i)) {
                candidates.set(i, moved);
                changed = true;
            }
        }
        for (int i = 0; i < queue.size(); i++) {
            Waiter w = queue.get(i);
            BuildRef moved = w.build().moved(from, to);
            if (!moved.equals(w.build())) {
                queue.set(i, new Waiter(moved, w.stage(), w.urgent(), w.since(), w.requester()));
                changed = true;
            }
        }
        if (productionInProgress != null && !productionInProgress.moved(from, to).equals(productionInProgress)) {
            productionInProgress = productionInProgress.moved(from, to);
            changed = true;
        }
        if (pendingPromotion != null && !pendingPromotion.moved(from, to).equals(pendingPromotion)) {
            pendingPromotion = pendingPromotion.moved(from, to);
            changed = true;
        }
        Set<BuildRef> announced = new HashSet<>();
        staleAnnounced.forEach(b -> announced.add(b.moved(from, to)));
        if (!announced.equals(staleAnnounced)) {
            staleAnnounced.clear();
            staleAnnounced.addAll(announced);
            changed = true;
        }
        if (changed) {
            audit.jobMoved(now, product, from, to);
        }
        return changed;
    }

    /** Closes every open RC that has expired; each is closed, audited and announced once. */
    List<LedgerEvent> expire(ProductPolicy policy, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (ReleaseCandidate rc : List.copyOf(candidates)) {
            if (rc.isExpired(now, policy)) {
                ReleaseCandidate expired = rc.expire(policy.getRcExpiryAge(), now);
                replace(expired);
                audit.expired(now, expired);
                events.add(new LedgerEvent.RcExpired(expired));
            }
        }
        trimClosed();
        return events;
    }

    /** RCs that went stale since last asked: each is announced once. */
    List<LedgerEvent> newlyStale(ProductPolicy policy, Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (ReleaseCandidate rc : candidates) {
            if (rc.isStale(now, policy) && staleAnnounced.add(rc.getBuild())) {
                events.add(new LedgerEvent.RcStale(rc));
            }
        }
        return events;
    }

    /**
     * Takes what build history says about the RCs it reached; RCs it did not reach (older than it reads) are kept as
     * they were, closed when history found a newer promoted RC.
     */
    void rebuild(RebuildResult result, Instant readAt, Instant now) {
        List<ReleaseCandidate> merged = new ArrayList<>();
        for (ReleaseCandidate fromHistory : result.candidates()) {
            merged.add(find(fromHistory.getBuild()).filter(known -> changedAfter(known, readAt)).orElse(fromHistory));
        }
        Optional<ReleaseCandidate> promoted = result.stoppedBy() == RebuildResult.StopReason.PROMOTED_RC
                ? Optional.of(result.candidates().get(result.candidates().size() - 1)) : Optional.empty();
        for (ReleaseCandidate known : candidates) {
            boolean seen = result.candidates().stream().anyMatch(rc -> rc.getBuild().equals(known.getBuild()));
            if (!seen && changedAfter(known, readAt)) {
                merged.add(known); // started after history was read: history could not know it
                continue;
            }
            boolean reachedByHistory = !known.getStartedAt().isBefore(result.oldestRead().orElse(Instant.MAX));
            if (seen || reachedByHistory) {
                continue; // history is the truth for what it reached; a build it no longer has is gone
            }
            merged.add(promoted.isPresent() && known.getState().isOpen()
                    ? known.closedByPromotion(promoted.get().getBuild(), now) : known);
        }
        merged.sort((a, b) -> b.getStartedAt().compareTo(a.getStartedAt()));
        candidates.clear();
        candidates.addAll(merged);
        trimClosed();
        audit.rebuilt(now, product, result);
    }

    /** Whether the ledger changed this RC (or started it) after {@code at}. */
    private static boolean changedAfter(ReleaseCandidate rc, Instant at) {
        List<RcEvent> history = rc.getHistory();
        Instant last = history.isEmpty() ? rc.getStartedAt() : history.get(history.size() - 1).at();
        return last.isAfter(at);
    }

    private Optional<ReleaseCandidate> find(BuildRef ref) {
        return candidates.stream().filter(rc -> rc.getBuild().equals(ref)).findFirst();
    }

    private ReleaseCandidate require(BuildRef ref) {
        return find(ref).orElseThrow(() -> new UnknownCandidateException(ref + " is not a release candidate of "
                + product + " that the gate knows"));
    }

    private void replace(ReleaseCandidate rc) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).getBuild().equals(rc.getBuild())) {
                candidates.set(i, rc);
                return;
            }
        }
        candidates.add(rc);
    }

    private void trimClosed() {
        int closed = 0;
        for (Iterator<ReleaseCandidate> it = candidates.iterator(); it.hasNext(); ) {
            ReleaseCandidate rc = it.next();
            if (!rc.getState().isOpen() && ++closed > CLOSED_KEPT) {
                it.remove();
                staleAnnounced.remove(rc.getBuild());
            }
        }
    }
}
