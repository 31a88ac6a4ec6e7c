package io.jenkins.plugins.releasegate.ledger;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.GateThreads;
import io.jenkins.plugins.releasegate.action.RcMarkUpdater;
import java.util.List;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.ReleaseCandidate;

/**
 * Jobs that move or go away: the ledger refers to builds by their job's full name, so a renamed or moved job (or one
 * whose folder was) takes its RCs, queue places and production lock along, and a deleted job lets go of them. Like
 * lockable-resources and pipeline-milestone-step, this goes by reference, whatever products the job is bound to now.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ReleaseItemListener extends ItemListener {
    private static final Logger LOGGER = Logger.getLogger(ReleaseItemListener.class.getName());

    /** Called for the item moved and for every item inside it, each with its own old and new full name. */
    @Override
    public void onLocationChanged(Item item, String oldFullName, String newFullName) {
        if (!(item instanceof Job)) {
            return;
        }
        List<String> products = LedgerStore.get().change(l -> l.jobMoved(oldFullName, newFullName, GateClock.now()));
        if (products.isEmpty()) {
            return;
        }
        LOGGER.fine(() -> "Release Gate: " + oldFullName + " is now " + newFullName + " in " + products);
        // The RC marks on its builds name the build too (the reject and hand-over buttons, history rebuilds).
        List<ReleaseCandidate> moved = LedgerStore.get().read(l -> products.stream()
                .flatMap(p -> l.snapshot(p).candidates().stream())
                .filter(rc -> rc.getBuild().job().equals(newFullName)).toList());
        GateThreads.execute("re-mark the release candidates of " + newFullName,
                () -> moved.forEach(RcMarkUpdater::mark));
    }

    @Override
    public void onDeleted(Item item) {
        if (!(item instanceof Job)) {
            return;
        }
        String job = item.getFullName();
        LedgerStore.get().apply(l -> l.jobRemoved(job, GateClock.now()), null);
    }
}
