package org.releasegate.people;

import java.util.Objects;
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

    public Optional<String> userId() {
        return Optional.ofNullable(id);
    }

    /** Same Jenkins user when both have ids, else same name. */
    public boolean isSame(Person other) {
        if (other == null) {
            return false;
        }
        return id != null && other.id != null ? id.equals(other.id) : Objects.equals(displayName, other.displayName);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
