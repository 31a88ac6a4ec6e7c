package org.releasegate.decision;

import java.util.Objects;
import java.util.Optional;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/**
 * Something people should know that does not block.
 *
 * @param code what kind
 * @param text in words
 * @param person who should act (a stale or expired RC's release manager)
 * @param build the build it is about
 */
public record Warning(Code code, String text, Optional<Person> person, Optional<BuildRef> build) {
    /** The kinds of warning. */
    public enum Code {
        /** An RC in flight longer than the product's rcMaxAge. */
        STALE_RC,
        /** An RC left open past twice the product's rcMaxAge: it will not be promoted and the gate closes it. */
        RC_EXPIRED,
        /** An RC whose release manager nobody is. */
        UNASSIGNED_RELEASE_MANAGER,
        /** Release candidates were left out: the caller gave no build history. */
        CANDIDATES_UNKNOWN,
        /** A build history with builds but not one RC mark: the wrong job, or a controller without the plugin. */
        HISTORY_WITHOUT_MARKS,
        /** A build history that ran out before anything older could be ruled out: an open RC may be missing. */
        HISTORY_CUT_SHORT
    }

    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(build, "build");
    }
}
