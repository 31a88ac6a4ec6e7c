package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.util.List;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;

/**
 * A build of a product's job ended: its RC becomes in flight or failed (a failed RC frees the product for the next
 * waiter), a production release frees the production lock and promotes its RC if the build succeeded, and a waiter
 * leaves the queue. A deleted build lets go of all of that.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class ReleaseRunListener extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(ReleaseRunListener.class.getName());

    /**
     * Finishes the build in every product whose ledger refers to it, by its reference: its job may have been renamed
     * or moved out of the product's job patterns, or the binding changed, while it ran. One product's failed save
     * (printed on the console, logged, shown on the status page) does not keep the others from hearing.
     */
    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        BuildRef ref = new BuildRef(run.getParent().getFullName(), run.getNumber());
        List<String> products = LedgerStore.get().read(l -> l.productsReferringTo(ref));
        if (products.isEmpty()) {
            return;
        }
        Result result = run.getResult();
        BuildResult ended = BuildResult.parse(result == null ? "SUCCESS" : result.toString());
        for (String product : products) {
            ProductPolicy policy;
            try {
                policy = ReleaseGateConfiguration.get().product(product);
            } catch (PolicyException e) {
                LOGGER.warning("Release Gate could not finish " + ref + " in " + product + ": " + e.getMessage());
                continue;
            }
            try {
                LedgerStore.get().apply(l -> l.buildFinished(policy, ref, ended, GateClock.now()), listener);
            } catch (LedgerSaveException e) {
                // apply printed it on the console; the log and the status page have it too
            }
        }
    }

    /**
     * A build is being deleted (by a person, or a build discarder): whatever it holds is let go, by its reference in
     * every product, whatever its job is bound to now. Its open RC is closed as removed and the product's channel hears
     * of it; the production lock is freed; it leaves the queue; each is audited.
     */
    @Override
    public void onDeleted(Run<?, ?> run) {
        BuildRef ref = new BuildRef(run.getParent().getFullName(), run.getNumber());
        LedgerStore.get().apply(l -> l.buildRemoved(ref, GateClock.now()), null);
    }
}
