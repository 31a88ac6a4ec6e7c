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
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;
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
    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        List<ProductPolicy> products = ReleaseGateConfiguration.get().productsOf(run.getParent().getFullName());
        if (products.isEmpty()) {
            return;
        }
        Result result = run.getResult();
        BuildResult ended = BuildResult.parse(result == null ? "SUCCESS" : result.toString());
        BuildRef ref = new BuildRef(run.getParent().getFullName(), run.getNumber());
        for (ProductPolicy policy : products) {
            List<LedgerEvent> events = LedgerStore.get().change(l -> l.buildFinished(policy, ref, ended,
                    GateClock.now()));
            ReleaseEventListener.publish(events, listener);
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
