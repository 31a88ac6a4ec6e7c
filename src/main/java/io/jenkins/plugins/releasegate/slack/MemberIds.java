package io.jenkins.plugins.releasegate.slack;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.people.Person;

/**
 * Slack member ids of Jenkins users, remembered for a while: a lookup may go to Slack, and one message can name
 * several people. What was not found, or could not be looked up, is remembered too: an unknown author or a Slack that
 * does not answer costs one lookup an hour, not one per message.
 */
@Restricted(NoExternalUse.class)
final class MemberIds {
    private static final Logger LOGGER = Logger.getLogger(MemberIds.class.getName());
    private static final long KEEP_NANOS = TimeUnit.HOURS.toNanos(1);

    private final Function<String, Optional<String>> lookUp;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** @param lookUp a Jenkins user id to a Slack member id; may throw */
    MemberIds(Function<String, Optional<String>> lookUp) {
        this.lookUp = lookUp;
    }

    /** Never throws: a person the lookup fails on is named, not mentioned. */
    Optional<String> of(Person person) {
        Optional<String> userId = person.userId();
        if (userId.isEmpty()) {
            return Optional.empty(); // a commit author known only by name
        }
        long now = System.nanoTime();
        Known k = known.get(userId.get());
        if (k != null && now - k.since() < KEEP_NANOS) {
            return k.memberId();
        }
        Optional<String> memberId;
        try {
            memberId = lookUp.apply(userId.get()).filter(id -> !id.isBlank());
        } catch (RuntimeException e) {
            LOGGER.log(Level.FINE, "Could not look up the Slack member id of " + userId.get(), e);
            memberId = Optional.empty();
        }
        known.put(userId.get(), new Known(memberId, now));
        return memberId;
    }

    private record Known(Optional<String> memberId, long since) {
    }
}
