package io.jenkins.plugins.releasegate.action;

import hudson.ExtensionList;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Wakes the builds waiting at the gate so they look again now, rather than at their next timer. */
@Restricted(NoExternalUse.class)
public abstract class WaitingBuilds implements hudson.ExtensionPoint {
    public abstract void wakeAll();

    public static void wake() {
        ExtensionList.lookup(WaitingBuilds.class).forEach(WaitingBuilds::wakeAll);
    }
}
