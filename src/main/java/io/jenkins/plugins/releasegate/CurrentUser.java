package io.jenkins.plugins.releasegate;

import hudson.model.User;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.people.Person;

/** The user of the current request, as core names people. */
@Restricted(NoExternalUse.class)
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Person person() {
        User user = User.current();
        return user == null ? Person.named("anonymous") : Person.user(user.getId(), user.getFullName());
    }
}
