package org.releasegate.people;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Why a build started, as far as naming its release manager goes. The plugin translates Jenkins' causes into these. */
public sealed interface TriggerCause {

    /** A user started the build. */
    record User(Person user) implements TriggerCause {
        public User {
            Objects.requireNonNull(user, "user");
        }
    }

    /** Another build started it; its own causes follow. */
    record Upstream(String upstreamBuild, List<TriggerCause> causes) implements TriggerCause {
        public Upstream {
            Objects.requireNonNull(upstreamBuild, "upstreamBuild");
            causes = List.copyOf(causes);
        }
    }

    /** A replay or rebuild of an earlier build, with the user the plugin found for it, if any. */
    record Replay(String original, Optional<Person> user) implements TriggerCause {
        public Replay {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(user, "user");
        }
    }

    /** A push or merge the trigger recorded, with who pushed or merged. */
    record Push(Person pusher) implements TriggerCause {
        public Push {
            Objects.requireNonNull(pusher, "pusher");
        }
    }

    /** Anything else (a timer, an SCM poll): it names nobody. */
    record Other(String description) implements TriggerCause {
        public Other {
            Objects.requireNonNull(description, "description");
        }
    }
}
