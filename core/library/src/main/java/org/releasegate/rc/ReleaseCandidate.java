package org.releasegate.rc;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.urgency.Urgency;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.MaxAge;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.UnstableRc;

/**
 * A build the gate let through as the product's release candidate. Immutable: every transition returns the RC after
 * it, and refuses, with the reason, a change the lifecycle does not allow.
 */
public final class ReleaseCandidate {
    private final BuildRef build;
    private final String product;
    private final ReleaseManager releaseManager;
    private final List<Person> changeAuthors;
    private final Optional<Urgency> urgency;
    private final Instant startedAt;
    private final RcState state;
    private final List<RcEvent> history;
    private final Optional<Closure> closure;

    /**
     * Why and by whom an RC was closed.
     *
     * @param by who closed it, when a person did
     * @param at when
     * @param reason why
     * @param nextSteps for a rejection, what happens instead
     * @param closedFor the newer RC it was closed for, when superseded
     */
    public record Closure(Optional<Person> by, Instant at, String reason, Optional<String> nextSteps,
            Optional<BuildRef> closedFor) {
    }

    private ReleaseCandidate(BuildRef build, String product, ReleaseManager releaseManager, List<Person> changeAuthors,
            Optional<Urgency> urgency, Instant startedAt, RcState state, List<RcEvent> history,
            Optional<Closure> closure) {
        this.build = Objects.requireNonNull(build, "build");
        this.product = Objects.requireNonNull(product, "product");
        this.releaseManager = Objects.requireNonNull(releaseManager, "releaseManager");
        this.changeAuthors = List.copyOf(changeAuthors);
        this.urgency = Objects.requireNonNull(urgency, "urgency");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.state = Objects.requireNonNull(state, "state");
        this.history = List.copyOf(history);
        this.closure = Objects.requireNonNull(closure, "closure");
    }

    /** An RC that has just passed the gate. */
    public static ReleaseCandidate started(BuildRef build, String product, ReleaseManager releaseManager,
            List<Person> changeAuthors, Optional<Urgency> urgency, Instant at) {
        RcEvent event = new RcEvent(at, RcState.RUNNING, RcState.RUNNING, releaseManager.person(),
                "passed the gate as the release candidate of " + product
                        + urgency.map(e -> " (urgent: " + e + ")").orElse(""));
        return new ReleaseCandidate(build, product, releaseManager, changeAuthors, urgency, at, RcState.RUNNING,
                List.of(event), Optional.empty());
    }

    /** Rebuilds an RC from what was persisted, as it was; no rule is checked. */
    public static ReleaseCandidate restore(BuildRef build, String product, ReleaseManager releaseManager,
            List<Person> changeAuthors, Optional<Urgency> urgency, Instant startedAt, RcState state,
            List<RcEvent> history, Optional<Closure> closure) {
        return new ReleaseCandidate(build, product, releaseManager, changeAuthors, urgency, startedAt, state, history,
                closure);
    }

    /** The build ended: in flight when it deployed, failed (and closed) when it did not. */
    public ReleaseCandidate finished(BuildResult result, UnstableRc unstable, Instant at) {
        if (state != RcState.RUNNING) {
            return this; // told twice, or closed while it was building: the end of the build changes nothing
        }
        boolean deployed = result == BuildResult.SUCCESS
                || (result == BuildResult.UNSTABLE && unstable == UnstableRc.IN_FLIGHT);
        if (deployed) {
            return to(RcState.IN_FLIGHT, at, Optional.empty(), "build ended " + result + ": deployed to CI/QA",
                    Optional.empty());
        }
        return to(RcState.FAILED, at, Optional.empty(), "build ended " + result,
                Optional.of(new Closure(Optional.empty(), at, "the build ended " + result, Optional.empty(),
                        Optional.empty())));
    }

    /** Released to production. A running RC may be promoted by its own build (RC and production in one pipeline). */
    public ReleaseCandidate promote(Optional<Person> by, Instant at) {
        requireOpen("promote");
        return to(RcState.PROMOTED, at, by, "promoted to production", Optional.empty());
    }

    /** Will not be promoted: the reason and the next steps are for the product's channel. */
    public ReleaseCandidate reject(Person by, Instant at, String reason, String nextSteps) {
        requireOpen("reject");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Rejecting " + build + " needs a reason: say why it will not be promoted");
        }
        if (nextSteps == null || nextSteps.isBlank()) {
            throw new IllegalArgumentException("Rejecting " + build + " needs next steps: the release process asks "
                    + "that they be communicated in the product's channel");
        }
        return to(RcState.REJECTED, at, Optional.of(by), "rejected: " + reason.trim(),
                Optional.of(new Closure(Optional.of(by), at, reason.trim(), Optional.of(nextSteps.trim()),
                        Optional.empty())));
    }

    /** Closed for an urgent newer RC. */
    public ReleaseCandidate supersede(BuildRef newer, Person by, String why, Instant at) {
        requireOpen("supersede");
        return to(RcState.SUPERSEDED, at, Optional.ofNullable(by), "superseded by " + newer + ": " + why,
                Optional.of(new Closure(Optional.ofNullable(by), at, why, Optional.empty(), Optional.of(newer))));
    }

    /** Closed because a newer RC was promoted. */
    public ReleaseCandidate closedByPromotion(BuildRef promoted, Instant at) {
        requireOpen("close");
        String why = "a newer release candidate, " + promoted + ", was promoted";
        return to(RcState.SUPERSEDED, at, Optional.empty(), "closed: " + why,
                Optional.of(new Closure(Optional.empty(), at, why, Optional.empty(), Optional.of(promoted))));
    }

    /** Its build was deleted: closed, it no longer holds the product. */
    public ReleaseCandidate removed(Instant at) {
        requireOpen("remove");
        String why = "its build was deleted";
        return to(RcState.REMOVED, at, Optional.empty(), "removed: " + why,
                Optional.of(new Closure(Optional.empty(), at, why, Optional.empty(), Optional.empty())));
    }

    /**
     * The same RC after a job was renamed or moved: its build, and the RC it was closed for, follow the job.
     *
     * @return this RC when neither is a build of {@code from}
     */
    public ReleaseCandidate moved(String from, String to) {
        BuildRef movedBuild = build.moved(from, to);
        Optional<Closure> movedClosure = closure.map(c -> new Closure(c.by(), c.at(), c.reason(), c.nextSteps(),
                c.closedFor().map(f -> f.moved(from, to))));
        if (movedBuild.equals(build) && movedClosure.equals(closure)) {
            return this;
        }
        return new ReleaseCandidate(movedBuild, product, releaseManager, changeAuthors, urgency, startedAt, state,
                history, movedClosure);
    }

    /** Closed because it stayed open past the product's expiry age ({@code age}); it will never be promoted. */
    public ReleaseCandidate expire(Duration age, Instant at) {
        requireOpen("expire");
        String why = "open longer than " + MaxAge.format(age) + " (twice rcMaxAge, freeze days excluded) without "
                + "being promoted or rejected";
        return to(RcState.EXPIRED, at, Optional.empty(), "expired: " + why,
                Optional.of(new Closure(Optional.empty(), at, why, Optional.empty(), Optional.empty())));
    }

    /**
     * Release management passes to {@code to}. The release manager may hand it over; so may someone allowed to manage
     * holds (for a release manager who is away).
     */
    public ReleaseCandidate handOver(Person to, Person by, boolean mayManageHolds, Instant at) {
        requireOpen("hand over");
        boolean isManager = releaseManager.person().map(p -> p.isSame(by)).orElse(false);
        if (!isManager && !mayManageHolds) {
            throw new HandOverRefusedException(by + " cannot hand over release management of " + build + ": only its "
                    + "release manager (" + releaseManager.displayName() + ") or someone with the Hold permission can");
        }
        if (releaseManager.person().map(p -> p.isSame(to)).orElse(false)) {
            throw new IllegalTransitionException(to + " is already the release manager of " + build);
        }
        List<RcEvent> events = new ArrayList<>(history);
        events.add(new RcEvent(at, state, state, Optional.of(by), "release management handed over from "
                + releaseManager.displayName() + " to " + to));
        return new ReleaseCandidate(build, product, ReleaseManager.of(to, ReleaseManager.Source.HANDED_OVER),
                changeAuthors, urgency, startedAt, state, events, closure);
    }

    private void requireOpen(String action) {
        if (state.isOpen()) {
            return;
        }
        String why = closure.map(c -> ": " + c.reason() + c.by().map(p -> " (" + p + ")").orElse("")).orElse("");
        throw new IllegalTransitionException("Cannot " + action + " " + build + ": it is " + state + why);
    }

    private ReleaseCandidate to(RcState next, Instant at, Optional<Person> by, String note, Optional<Closure> closed) {
        List<RcEvent> events = new ArrayList<>(history);
        events.add(new RcEvent(at, state, next, by, note));
        return new ReleaseCandidate(build, product, releaseManager, changeAuthors, urgency, startedAt, next, events,
                closed.isPresent() ? closed : closure);
    }

    /** Time in flight, not counting the product's frozen days. */
    public Duration age(Instant now, ProductPolicy policy) {
        Duration total = Duration.between(startedAt, now);
        return total.minus(policy.getSchedule().frozenBetween(startedAt, now));
    }

    /** Open longer than the product's {@code rcMaxAge}: it no longer blocks a new RC. */
    public boolean isStale(Instant now, ProductPolicy policy) {
        return state.isOpen() && age(now, policy).compareTo(policy.getRcMaxAge()) > 0;
    }

    /**
     * Open, and started before the product's expiry bound ({@link ProductPolicy#rcExpiryBound}): forgotten. It no
     * longer blocks a new RC, production does not promote it, and the ledger closes it as {@link RcState#EXPIRED}.
     */
    public boolean isExpired(Instant now, ProductPolicy policy) {
        return state.isOpen() && startedAt.isBefore(policy.rcExpiryBound(now));
    }

    public BuildRef getBuild() {
        return build;
    }

    public String getProduct() {
        return product;
    }

    public ReleaseManager getReleaseManager() {
        return releaseManager;
    }

    public List<Person> getChangeAuthors() {
        return changeAuthors;
    }

    public Optional<Urgency> getUrgency() {
        return urgency;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public RcState getState() {
        return state;
    }

    public List<RcEvent> getHistory() {
        return history;
    }

    public Optional<Closure> getClosure() {
        return closure;
    }

    @Override
    public String toString() {
        return build + " (" + state + ", release manager " + releaseManager.displayName() + ")";
    }
}
