package org.releasegate.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/**
 * One thing that blocks a request.
 *
 * @param code what kind of blocker
 * @param text what blocks, in words (plain text; renderers escape it for where it goes)
 * @param owner who owns the blocker: the RC's release manager, the hold's author
 * @param since since when it blocks, when known
 * @param until when it stops blocking by itself, when known
 * @param build the build it is about (the RC in flight, the RC named), for links
 * @param holdId the hold it is, for links
 */
public record Reason(Code code, String text, Optional<Person> owner, Optional<Instant> since, Optional<Instant> until,
        Optional<BuildRef> build, Optional<String> holdId) {
    /** The kinds of blocker. */
    public enum Code {
        OUTSIDE_WINDOW,
        FREEZE,
        /** Production is open, but closes before a release of the product's runway would finish. */
        RUNWAY,
        HOLD,
        RC_IN_FLIGHT,
        PRODUCTION_IN_PROGRESS,
        QUEUED_AHEAD,
        NOTHING_TO_PROMOTE,
        CANDIDATE_REQUIRED,
        CANDIDATE_UNAVAILABLE,
        NOT_BOUND
    }

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(holdId, "holdId");
    }

    public static Reason of(Code code, String text) {
        return new Reason(code, text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public Reason owner(Person person) {
        return new Reason(code, text, Optional.ofNullable(person), since, until, build, holdId);
    }

    public Reason since(Instant instant) {
        return new Reason(code, text, owner, Optional.ofNullable(instant), until, build, holdId);
    }

    public Reason until(Optional<Instant> instant) {
        return new Reason(code, text, owner, since, instant, build, holdId);
    }

    public Reason build(BuildRef ref) {
        return new Reason(code, text, owner, since, until, Optional.ofNullable(ref), holdId);
    }

    public Reason hold(String id) {
        return new Reason(code, text, owner, since, until, build, Optional.ofNullable(id));
    }
}
