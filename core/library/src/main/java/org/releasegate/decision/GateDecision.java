package org.releasegate.decision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.WindowStatus;
import org.releasegate.urgency.Lift;

/**
 * The gate's answer to one request at one instant, with everything the people concerned need to know.
 *
 * @param product the product
 * @param stage what was asked
 * @param at the instant decided at
 * @param verdict allowed or blocked
 * @param reasons every blocker (empty when allowed)
 * @param warnings what people should know anyway
 * @param window the production window at that instant
 * @param releaseManager for an RC, its release manager; for production, the promoted RC's
 * @param inFlight the product's open RCs other than the caller, newest first
 * @param holds the holds standing on the product
 * @param promotes production: the RC it promotes
 * @param supersedes RC: the RCs an urgent RC closes (the team is told before they close)
 * @param exception the urgent exception applied
 * @param approvalNeeded the window (its runway included) or a freeze blocks, the request's urgent exception may lift
 *     them, but the caller may not override: someone with Override must approve. Set even while a hold or another
 *     blocker also blocks, which an approval does not lift
 * @param earliestPass the earliest instant it could pass, when knowable
 */
public record GateDecision(String product, Stage stage, Instant at, Verdict verdict, List<Reason> reasons,
        List<Warning> warnings, WindowStatus window, Optional<ReleaseManager> releaseManager,
        List<ReleaseCandidate> inFlight, List<Hold> holds, Optional<ReleaseCandidate> promotes,
        List<ReleaseCandidate> supersedes, Optional<AppliedUrgency> exception, boolean approvalNeeded,
        Optional<Instant> earliestPass) {
    public GateDecision {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(releaseManager, "releaseManager");
        inFlight = List.copyOf(inFlight);
        holds = List.copyOf(holds);
        Objects.requireNonNull(promotes, "promotes");
        supersedes = List.copyOf(supersedes);
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(earliestPass, "earliestPass");
        if ((verdict == Verdict.ALLOWED) != reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision is blocked exactly when it has reasons");
        }
    }

    /** The same decision, with more warnings after its own (what the caller knows about its inputs). */
    public GateDecision withWarnings(List<Warning> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new GateDecision(product, stage, at, verdict, reasons, Stream.concat(warnings.stream(), more.stream())
                .toList(), window, releaseManager, inFlight, holds, promotes, supersedes, exception, approvalNeeded,
                earliestPass);
    }

    public boolean isAllowed() {
        return verdict == Verdict.ALLOWED;
    }

    public boolean has(Reason.Code code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }

    /**
     * What an approval of this request's urgent exception would have to lift: the production window (outside it, or too
     * late to start before it closes) and any freeze that blocks it, when {@link #approvalNeeded()}; otherwise nothing. The plugin records it with the approval asked for.
     */
    public Set<Lift> approvalLifts() {
        Set<Lift> lifts = EnumSet.noneOf(Lift.class);
        if (approvalNeeded) {
            for (Reason r : reasons) {
                if (r.code() == Reason.Code.OUTSIDE_WINDOW || r.code() == Reason.Code.RUNWAY) {
                    lifts.add(Lift.WINDOW);
                } else if (r.code() == Reason.Code.FREEZE) {
                    lifts.add(Lift.FREEZE);
                }
            }
        }
        return lifts;
    }

    /** Everyone who owns a blocker or should act on a warning, once each, in order. */
    public List<Person> concerned() {
        return Stream.concat(reasons.stream().flatMap(r -> r.owner().stream()),
                        warnings.stream().flatMap(w -> w.person().stream()))
                .distinct().toList();
    }
}
