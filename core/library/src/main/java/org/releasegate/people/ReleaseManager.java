package org.releasegate.people;

import java.util.Objects;
import java.util.Optional;

/**
 * The RC's release manager: the engineer who triggered it, and how the gate knows.
 *
 * @param person who, or empty while unassigned
 * @param source where the name came from
 */
public record ReleaseManager(Optional<Person> person, Source source) {
    /** Where the release manager's name came from, in the order the gate looks. */
    public enum Source {
        /** A user started the build. */
        USER,
        /** A user started the build at the top of a chain of upstream builds. */
        UPSTREAM_USER,
        /** A user replayed or rebuilt an earlier build. */
        REPLAY,
        /** The person who pushed or merged, as the trigger recorded. */
        PUSH,
        /** The author of the head commit. */
        COMMIT_AUTHOR,
        /** The product's configured default. */
        PRODUCT_DEFAULT,
        /** Someone took release management over. */
        HANDED_OVER,
        /** Nobody: every decision warns until someone takes it over. */
        UNASSIGNED
    }

    public ReleaseManager {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(source, "source");
        if (person.isEmpty() != (source == Source.UNASSIGNED)) {
            throw new IllegalArgumentException("a release manager is unassigned exactly when nobody is named");
        }
    }

    public static ReleaseManager of(Person person, Source source) {
        return new ReleaseManager(Optional.of(person), source);
    }

    public static ReleaseManager unassigned() {
        return new ReleaseManager(Optional.empty(), Source.UNASSIGNED);
    }

    /**
     * A release manager as a stored record or an RC mark holds one, read the same way by the plugin and the command
     * line: nobody named, or the source {@code UNASSIGNED}, is unassigned; a person without a source (a mark written
     * before sources were kept) started the build.
     *
     * @param source null when the record has none
     */
    public static ReleaseManager restore(Optional<Person> person, Source source) {
        if (person.isEmpty() || source == Source.UNASSIGNED) {
            return unassigned();
        }
        return new ReleaseManager(person, source == null ? Source.USER : source);
    }

    public boolean isAssigned() {
        return person.isPresent();
    }

    /** The name people read: the person, or "unassigned". */
    public String displayName() {
        return person.map(Person::displayName).orElse("unassigned");
    }
}
