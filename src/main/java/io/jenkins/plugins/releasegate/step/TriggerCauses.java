package io.jenkins.plugins.releasegate.step;

import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.people.Person;
import org.releasegate.people.TriggerCause;

/**
 * Translates a build's Jenkins causes into core's, which name its release manager. Replays and pushes come from
 * plugins Release Gate does not depend on, so their causes are read by their public getters, when present.
 */
@Restricted(NoExternalUse.class)
final class TriggerCauses {
    private TriggerCauses() {
    }

    static List<TriggerCause> of(List<Cause> causes) {
        List<TriggerCause> out = new ArrayList<>();
        for (Cause c : causes) {
            out.add(of(c));
        }
        return out;
    }

    private static TriggerCause of(Cause c) {
        if (c instanceof Cause.UserIdCause u && u.getUserId() != null) {
            return new TriggerCause.User(Person.user(u.getUserId(), u.getUserName()));
        }
        if (c instanceof Cause.UpstreamCause up) {
            return new TriggerCause.Upstream(up.getUpstreamProject() + "#" + up.getUpstreamBuild(),
                    of(up.getUpstreamCauses()));
        }
        Optional<Object> original = call(c, "getOriginal"); // workflow-cps' ReplayCause
        if (original.isPresent() && original.get() instanceof Run<?, ?> run) {
            Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
            return new TriggerCause.Replay(run.getExternalizableId(), Optional.ofNullable(user)
                    .filter(u -> u.getUserId() != null).map(u -> Person.user(u.getUserId(), u.getUserName())));
        }
        Optional<Object> pusher = call(c, "getPushedBy"); // a push cause that names its pusher through a getter
        if (pusher.isPresent() && pusher.get() instanceof String name && !name.isBlank()) {
            User known = User.getById(name, false);
            return new TriggerCause.Push(known != null ? Person.user(known.getId(), known.getFullName()) : Person.named(name));
        }
        return new TriggerCause.Other(c.getShortDescription());
    }

    private static Optional<Object> call(Cause c, String getter) {
        try {
            Method m = c.getClass().getMethod(getter);
            return Optional.ofNullable(m.invoke(c));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
