package org.releasegate.people;

import java.util.Optional;

/**
 * Someone the gate names: a Jenkins user (with an id) or, for a commit author the build only knows by name, a name.
 *
 * @param id the Jenkins user id, or null when only a name is known
 * @param displayName what people read
 */
public record Person(String id, String displayName) {
    public Person {
        if ((id == null || id.isBlank()) && (displayName == null || displayName.isBlank())) {
            throw new IllegalArgumentException("a person needs an id or a name");
        }
        id = id == null || id.isBlank() ? null : id.trim();
        displayName = displayName == null || displayName.isBlank() ? id : displayName.trim();
    }

    public static Person user(String id) {
        return new Person(id, id);
    }

    public static Person user(String id, String displayName) {
        return new Person(id, displayName);
    }

    public static Person named(String displayName) {
        return new Person(null, displayName);
    }

    /**
     * A person as a stored record or an RC mark names them: nobody when neither an id nor a name is there (blank counts
     * as absent). The plugin and the command line read marks through this, so both read a nameless person alike.
     */
    public static Optional<Person> ofNullable(String id, String displayName) {
        boolean noId = id == null || id.isBlank();
        boolean noName = displayName == null || displayName.isBlank();
        return noId && noName ? Optional.empty() : Optional.of(new Person(id, displayName));
    }

    public Optional<String> userId() {
        return Optional.ofNullable(id);
    }

    /**
     * The same Jenkins user: both have an id, and the ids are equal. Names never match: users change their own full
     * name, "anonymous" is everyone, and a pusher or commit author known only by name could be anyone. So a person
     * without an id is the same as nobody, not even a person of the same name.
     */
    public boolean isSame(Person other) {
        return other != null && id != null && id.equals(other.id);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
