package org.releasegate.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.Urgency;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.ledger.Waiter;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.MaxAge;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.WindowStatus;

/**
 * The release process as one function: may this request pass for this product, given its ledger, at this instant. Pure:
 * it changes nothing and reads no clock; {@link org.releasegate.ledger.ReleaseLedger} applies what it decides.
 */
public final class ReleaseGate {
    private ReleaseGate() {
    }

    public static GateDecision decide(ProductPolicy policy, GateRequest request, LedgerSnapshot ledger, Instant now) {
        return new Evaluation(policy, request, ledger, now).decide();
    }

    /** One decision's working state. */
    private static final class Evaluation {
        private final ProductPolicy policy;
        private final GateRequest request;
        private final LedgerSnapshot ledger;
        private final Instant now;
        private final Duration runway;
        private final WindowStatus window;
        private final List<Reason> reasons = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private final Set<Lift> lifted = EnumSet.noneOf(Lift.class);
        private final List<ReleaseCandidate> supersedes = new ArrayList<>();
        private Optional<ReleaseCandidate> promotes = Optional.empty();
        private boolean approvalNeeded;
        /** Who approved the exception, when their approval (not the requester's own Override) let it lift the rules. */
        private Optional<Person> approvedBy = Optional.empty();

        Evaluation(ProductPolicy policy, GateRequest request, LedgerSnapshot ledger, Instant now) {
            this.policy = policy;
            this.request = request;
            this.ledger = ledger;
            this.now = now;
            this.runway = request.getStage() == Stage.PRODUCTION
                    ? Runway.longer(policy.getRunway(), request.getExpectedDuration()) : Duration.ZERO;
            this.window = policy.getSchedule().evaluate(now, runway);
        }

        GateDecision decide() {
            binding();
            holds();
            warnAboutOpenCandidates();
            queue();
            if (!request.isCandidatesKnown()) {
                warnings.add(new Warning(Warning.Code.CANDIDATES_UNKNOWN, "release candidates were not checked: no "
                        + "build history was given", Optional.empty(), Optional.empty()));
            }
            if (request.getStage() == Stage.RC) {
                if (request.isCandidatesKnown()) {
                    candidatesInFlight();
                }
            } else {
                productionInProgress();
                productionWindow();
                if (request.isCandidatesKnown()) {
                    candidateToPromote();
                }
            }
            Verdict verdict = reasons.isEmpty() ? Verdict.ALLOWED : Verdict.BLOCKED;
            Optional<AppliedUrgency> applied = lifted.isEmpty() || verdict == Verdict.BLOCKED
                    ? Optional.empty()
                    : request.getUrgency().map(u -> new AppliedUrgency(u, lifted, request.getRequester(),
                            approvedBy));
            return new GateDecision(policy.getName(), request.getStage(), now, verdict, reasons, warnings, window,
                    releaseManager(), others(), standingHolds(), promotes,
                    verdict == Verdict.ALLOWED ? supersedes : List.of(), applied,
                    verdict == Verdict.BLOCKED && approvalNeeded, earliestPass());
        }

        private void binding() {
            Optional<BuildRef> build = request.getBuild();
            if (request.isChangeRequest()) {
                reasons.add(Reason.of(Reason.Code.NOT_BOUND, "pull-request builds cannot release " + policy.getName()));
            } else if (build.isPresent() && !policy.isBoundTo(build.get().job())) {
                reasons.add(Reason.of(Reason.Code.NOT_BOUND, "job " + build.get().job() + " is not bound to "
                        + policy.getName() + " (its jobs: " + (policy.getJobs().isEmpty() ? "none"
                        : policy.getJobs().stream().map(Object::toString).collect(Collectors.joining(", "))) + ")"));
            }
        }

        private List<Hold> standingHolds() {
            return ledger.holds().stream().filter(h -> h.isActive(now) && h.appliesTo(policy.getName())).toList();
        }

        private void holds() {
            for (Hold h : standingHolds()) {
                reasons.add(Reason.of(Reason.Code.HOLD, h.describe()).owner(h.author()).since(h.placedAt())
                        .until(h.expiresAt()).hold(h.id()));
            }
        }

        /** Open RCs other than the caller that have not expired (those are warned of), newest first. */
        private List<ReleaseCandidate> others() {
            return ledger.open().stream().filter(rc -> !isCaller(rc.getBuild()) && !rc.isExpired(now, policy))
                    .toList();
        }

        private boolean isCaller(BuildRef build) {
            return request.getBuild().map(build::equals).orElse(false);
        }

        private void warnAboutOpenCandidates() {
            for (ReleaseCandidate rc : ledger.open()) {
                if (rc.isExpired(now, policy)) {
                    warnings.add(new Warning(Warning.Code.RC_EXPIRED, "release candidate " + rc.getBuild()
                            + " (release manager " + rc.getReleaseManager().displayName() + ") expired: open longer "
                            + "than " + MaxAge.format(policy.getRcExpiryAge()) + " (twice "
                            + "rcMaxAge, freeze days excluded); it will not be promoted: start a new release candidate",
                            rc.getReleaseManager().person(), Optional.of(rc.getBuild())));
                } else if (rc.isStale(now, policy)) {
                    warnings.add(new Warning(Warning.Code.STALE_RC, "release candidate " + rc.getBuild()
                            + " has been in flight longer than " + MaxAge.format(policy.getRcMaxAge())
                            + " (release manager " + rc.getReleaseManager().displayName() + "): promote it or reject it",
                            rc.getReleaseManager().person(), Optional.of(rc.getBuild())));
                }
                if (!rc.getReleaseManager().isAssigned()) {
                    warnings.add(unassigned(rc.getBuild()));
                }
            }
            boolean callerIsRc = request.getBuild().flatMap(ledger::candidate).isPresent();
            if (request.getStage() == Stage.RC && request.getBuild().isPresent() && !callerIsRc
                    && !request.getReleaseManager().isAssigned()) {
                warnings.add(unassigned(request.getBuild().orElse(null)));
            }
        }

        private Warning unassigned(BuildRef build) {
            return new Warning(Warning.Code.UNASSIGNED_RELEASE_MANAGER, "release candidate "
                    + (build == null ? "" : build + " ") + "has no release manager: someone on the team should take "
                    + "it over", Optional.empty(), Optional.ofNullable(build));
        }

        private void queue() {
            boolean urgent = request.getUrgency().isPresent();
            Waiter me = request.getBuild().flatMap(b -> ledger.queue().stream()
                            .filter(w -> w.build().equals(b) && w.stage() == request.getStage()).findFirst())
                    .orElseGet(() -> request.getBuild().map(b -> new Waiter(b, request.getStage(), urgent, now,
                            request.getRequester())).orElse(null));
            List<Waiter> ahead = ledger.queue().stream()
                    .filter(w -> w.stage() == request.getStage() && (me == null || !w.build().equals(me.build())))
                    .filter(w -> me == null || Waiter.ORDER.compare(w, me) < 0)
                    .toList();
            if (!ahead.isEmpty()) {
                Waiter first = ahead.get(0);
                reasons.add(Reason.of(Reason.Code.QUEUED_AHEAD, ahead.size() + (ahead.size() == 1 ? " build is" : " builds are")
                        + " waiting ahead at the gate, first " + first.build())
                        .owner(first.requester().orElse(null)).since(first.since()).build(first.build()));
            }
        }

        private void candidatesInFlight() {
            if (request.getBuild().flatMap(ledger::candidate).filter(rc -> rc.getState().isOpen()).isPresent()) {
                return; // this build already is the RC: asking again changes nothing
            }
            List<ReleaseCandidate> blocking = others().stream().filter(rc -> !rc.isStale(now, policy)).toList();
            if (blocking.isEmpty()) {
                return;
            }
            Optional<Urgency> urgency = request.getUrgency();
            if (urgency.isPresent() && reach().mayLift(urgency.get().category(), Lift.RC_IN_FLIGHT)) {
                lifted.add(Lift.RC_IN_FLIGHT);
                supersedes.addAll(blocking);
                return;
            }
            String note = urgency.map(u -> "; urgency " + u.category() + " may not supersede it under "
                    + policy.getName() + "'s policy").orElse("");
            for (ReleaseCandidate rc : blocking) {
                String what = rc.getState() == RcState.RUNNING ? "is still running" : "is in flight on CI/QA";
                reasons.add(Reason.of(Reason.Code.RC_IN_FLIGHT, "release candidate " + rc.getBuild() + " " + what
                        + " (release manager " + rc.getReleaseManager().displayName() + ")" + note)
                        .owner(rc.getReleaseManager().person().orElse(null)).since(rc.getStartedAt())
                        .build(rc.getBuild()));
            }
        }

        private void productionInProgress() {
            ledger.productionInProgress().filter(b -> !isCaller(b)).ifPresent(b -> reasons.add(
                    Reason.of(Reason.Code.PRODUCTION_IN_PROGRESS, b + " is releasing " + policy.getName()
                            + " to production now").build(b)));
        }

        private void productionWindow() {
            if (window.runwayFits()) {
                return;
            }
            List<Reason> closed = new ArrayList<>();
            Set<Lift> needed = EnumSet.noneOf(Lift.class);
            if (window.runwayShort()) {
                // Open, but it would run past the close: what lifts the window lifts its runway.
                needed.add(Lift.WINDOW);
                closed.add(Reason.of(Reason.Code.RUNWAY, "too late to start before production closes (a production "
                        + "release of " + policy.getName() + " needs " + Runway.words(runway) + ")")
                        .until(window.nextOpening()));
            }
            if (window.outsideWindows()) {
                needed.add(Lift.WINDOW);
                closed.add(Reason.of(Reason.Code.OUTSIDE_WINDOW, policy.getSchedule().getWindows().isEmpty()
                        ? policy.getName() + " has no production window"
                        : "outside the production window (" + policy.getSchedule().getWindows() + ")")
                        .until(window.nextOpening()));
            }
            for (Freeze f : window.freezes()) {
                needed.add(Lift.FREEZE);
                closed.add(Reason.of(Reason.Code.FREEZE, "freeze " + f)
                        .until(Optional.of(f.getLast().plusDays(1).atStartOfDay(policy.getZone()).toInstant())));
            }
            Optional<Urgency> urgency = request.getUrgency();
            boolean reachable = urgency.isPresent() && reach().lifts(urgency.get().category()).containsAll(needed);
            Optional<Approval> approval = urgency.flatMap(u -> request.getApproval()
                    .filter(a -> a.covers(policy.getName(), request.getStage(), u.category(), needed)));
            if (reachable && (request.mayOverride() || approval.isPresent())) {
                lifted.addAll(needed);
                if (!request.mayOverride()) {
                    approvedBy = approval.map(Approval::by);
                }
                return;
            }
            approvalNeeded = reachable;
            reasons.addAll(closed);
        }

        private void candidateToPromote() {
            Optional<BuildRef> named = request.getCandidate();
            if (named.isPresent()) {
                namedCandidate(named.get());
                return;
            }
            Optional<ReleaseCandidate> self = request.getBuild().flatMap(ledger::candidate)
                    .filter(rc -> rc.getState().isOpen() && !rc.isExpired(now, policy));
            if (self.isPresent()) {
                promotes = self;
                return;
            }
            List<ReleaseCandidate> inFlight = ledger.open().stream()
                    .filter(rc -> rc.getState() == RcState.IN_FLIGHT && !rc.isExpired(now, policy)).toList();
            if (inFlight.size() == 1) {
                promotes = Optional.of(inFlight.get(0));
            } else if (inFlight.isEmpty()) {
                if (!policy.isReleasesWithoutRc()) {
                    reasons.add(Reason.of(Reason.Code.NOTHING_TO_PROMOTE, "no release candidate of " + policy.getName()
                            + " is in flight to promote: create one first"));
                }
            } else {
                reasons.add(Reason.of(Reason.Code.CANDIDATE_REQUIRED, inFlight.size() + " release candidates are in "
                        + "flight (" + inFlight.stream().map(rc -> rc.getBuild().toString())
                        .collect(Collectors.joining(", ")) + "): name the one to promote with candidate"));
            }
        }

        private void namedCandidate(BuildRef named) {
            Optional<ReleaseCandidate> found = ledger.candidate(named);
            if (found.isEmpty()) {
                reasons.add(Reason.of(Reason.Code.CANDIDATE_UNAVAILABLE, named + " is not a release candidate of "
                        + policy.getName()).build(named));
                return;
            }
            ReleaseCandidate rc = found.get();
            String problem = null;
            if (rc.isExpired(now, policy)) {
                problem = "expired: it was open longer than " + MaxAge.format(
                        policy.getRcExpiryAge()) + " (twice rcMaxAge, freeze days excluded) and will not be promoted";
            } else if (!rc.getState().isOpen()) {
                problem = "is " + rc.getState() + rc.getClosure().map(c -> " (" + c.reason()
                        + c.by().map(p -> ", by " + p).orElse("") + ")").orElse("") + " and cannot be promoted";
            } else if (rc.getState() == RcState.RUNNING && !isCaller(named)) {
                problem = "is still running: promote it once it has deployed to CI/QA";
            } else if (rc.isStale(now, policy) && !isNewestInFlight(rc)) {
                problem = "is stale and a newer release candidate is in flight";
            }
            if (problem == null) {
                promotes = Optional.of(rc);
            } else {
                reasons.add(Reason.of(Reason.Code.CANDIDATE_UNAVAILABLE, "release candidate " + named + " " + problem)
                        .owner(rc.getReleaseManager().person().orElse(null)).build(named));
            }
        }

        private boolean isNewestInFlight(ReleaseCandidate rc) {
            return ledger.open().stream().filter(c -> c.getState() == RcState.IN_FLIGHT).findFirst()
                    .map(c -> c.getBuild().equals(rc.getBuild())).orElse(false);
        }

        private ExceptionReach reach() {
            return policy.getExceptionReach();
        }

        private Optional<ReleaseManager> releaseManager() {
            if (request.getStage() == Stage.RC) {
                return Optional.of(request.getBuild().flatMap(ledger::candidate)
                        .map(ReleaseCandidate::getReleaseManager).orElse(request.getReleaseManager()));
            }
            return promotes.map(ReleaseCandidate::getReleaseManager);
        }

        /**
         * Known only when every blocker ends by itself: then the last of those ends, moved to the next opening if the
         * window is closed by then.
         */
        private Optional<Instant> earliestPass() {
            if (reasons.isEmpty()) {
                return Optional.of(now);
            }
            Instant latest = now;
            for (Reason r : reasons) {
                if (r.code() == Reason.Code.OUTSIDE_WINDOW || r.code() == Reason.Code.FREEZE
                        || r.code() == Reason.Code.RUNWAY) {
                    continue;
                }
                if (r.until().isEmpty()) {
                    return Optional.empty();
                }
                latest = r.until().get().isAfter(latest) ? r.until().get() : latest;
            }
            if (request.getStage() != Stage.PRODUCTION || lifted.contains(Lift.WINDOW)) {
                return Optional.of(latest);
            }
            WindowStatus then = policy.getSchedule().evaluate(latest, runway);
            return then.runwayFits() ? Optional.of(latest) : then.nextOpening();
        }
    }
}
