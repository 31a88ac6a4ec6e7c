package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.TaskListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;

/**
 * Hears what changed in the ledger, after it is saved: the RC marks on builds, the product's Slack channel and the
 * builds waiting at the gate each have one.
 */
@Restricted(NoExternalUse.class)
public abstract class ReleaseEventListener implements ExtensionPoint {
    private static final Logger LOGGER = Logger.getLogger(ReleaseEventListener.class.getName());

    /**
     * @param events in the order they happened
     * @param console the console of the build that caused them, if a build did
     */
    public abstract void onEvents(List<LedgerEvent> events, @CheckForNull TaskListener console);

    /** Tells every listener; one that fails does not keep the others from hearing. */
    public static void publish(List<LedgerEvent> events, @CheckForNull TaskListener console) {
        if (events.isEmpty()) {
            return;
        }
        for (ReleaseEventListener l : ExtensionList.lookup(ReleaseEventListener.class)) {
            try {
                l.onEvents(events, console);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, l.getClass().getName() + " failed on " + events, e);
            }
        }
    }
}
