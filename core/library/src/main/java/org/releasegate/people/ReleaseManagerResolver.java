package org.releasegate.people;

import java.util.List;
import java.util.Optional;

/**
 * Names the engineer who triggered an RC, in the order the release process implies: a user who started it; the user
 * at the top of a chain of upstream builds; the user of a replay or rebuild; whoever pushed or merged; the author of
 * the head commit; the product's default; else nobody, and every decision warns until someone takes it over.
 */
public final class ReleaseManagerResolver {
    private ReleaseManagerResolver() {
    }

    public static ReleaseManager resolve(List<TriggerCause> causes, Optional<Person> headCommitAuthor,
            Optional<String> productDefault) {
        Optional<ReleaseManager> found = direct(causes, TriggerCause.User.class).map(u ->
                ReleaseManager.of(u.user(), ReleaseManager.Source.USER));
        if (found.isEmpty()) {
            found = topOfUpstreamChain(causes).map(p -> ReleaseManager.of(p, ReleaseManager.Source.UPSTREAM_USER));
        }
        if (found.isEmpty()) {
            found = causes.stream().filter(TriggerCause.Replay.class::isInstance).map(TriggerCause.Replay.class::cast)
                    .flatMap(r -> r.user().stream()).findFirst()
                    .map(p -> ReleaseManager.of(p, ReleaseManager.Source.REPLAY));
        }
        if (found.isEmpty()) {
            found = direct(causes, TriggerCause.Push.class).map(p ->
                    ReleaseManager.of(p.pusher(), ReleaseManager.Source.PUSH));
        }
        if (found.isEmpty()) {
            found = headCommitAuthor.map(p -> ReleaseManager.of(p, ReleaseManager.Source.COMMIT_AUTHOR));
        }
        if (found.isEmpty()) {
            found = productDefault.filter(id -> !id.isBlank())
                    .map(id -> ReleaseManager.of(Person.user(id), ReleaseManager.Source.PRODUCT_DEFAULT));
        }
        return found.orElseGet(ReleaseManager::unassigned);
    }

    /**
     * The user who triggered the build as Jenkins itself recorded it: a user cause, or the user at the top of an
     * upstream chain. Never a pusher, a commit author or a default: those names come from outside Jenkins and could
     * match anyone's user id, so they must not lend anyone's permissions (such as Override). Never the user of the
     * build a replay copies either: that is another run's triggerer (a replay by an anonymous or SYSTEM caller carries
     * a user cause without id, and then nobody triggered it).
     */
    public static Optional<Person> triggeringUser(List<TriggerCause> causes) {
        Optional<Person> user = direct(causes, TriggerCause.User.class).map(TriggerCause.User::user);
        if (user.isEmpty()) {
            user = topOfUpstreamChain(causes);
        }
        return user;
    }

    private static <T extends TriggerCause> Optional<T> direct(List<TriggerCause> causes, Class<T> type) {
        return causes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The user who started the first build of the chain: the deepest user cause wins over nearer ones. */
    private static Optional<Person> topOfUpstreamChain(List<TriggerCause> causes) {
        for (TriggerCause cause : causes) {
            if (cause instanceof TriggerCause.Upstream up) {
                Optional<Person> deeper = topOfUpstreamChain(up.causes());
                if (deeper.isPresent()) {
                    return deeper;
                }
                Optional<Person> here = direct(up.causes(), TriggerCause.User.class).map(TriggerCause.User::user);
                if (here.isPresent()) {
                    return here;
                }
            }
        }
        return Optional.empty();
    }
}
