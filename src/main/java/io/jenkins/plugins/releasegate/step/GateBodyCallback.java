package io.jenkins.plugins.releasegate.step;

import hudson.model.Run;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.GateThreads;
import io.jenkins.plugins.releasegate.action.Builds;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * Ends a gated block: for production, promotes the RC when the block succeeds and frees the product's production lock
 * either way; then completes the step, right here, as {@code BodyExecutionCallback.TailCall} does. This runs on the
 * CPS VM thread: the ledger changes in memory now, and only its file write and the announcements go to the plugin's
 * threads. A completion queued elsewhere could be dropped at shutdown after the Pipeline was saved, leaving the build
 * hanging with the production lock held.
 */
@Restricted(NoExternalUse.class)
final class GateBodyCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(GateBodyCallback.class.getName());

    private final String production;
    private final String build;
    private final HashMap<String, Object> result;

    /** @param production the product released in the block, or null when the block is not a production release */
    GateBodyCallback(String production, String build, HashMap<String, Object> result) {
        this.production = production;
        this.build = build;
        this.result = result;
    }

    @Override
    public void onSuccess(StepContext context, Object blockResult) {
        finish(context, true);
        context.onSuccess(result);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
        finish(context, false);
        context.onFailure(t);
    }

    private void finish(StepContext context, boolean succeeded) {
        if (production == null || build == null) {
            return;
        }
        try {
            ProductPolicy policy = ReleaseGateConfiguration.get().product(production);
            BuildRef ref = buildNow(context);
            List<LedgerEvent> events = LedgerStore.get().changeInMemory(l -> l.productionFinished(policy, ref,
                    succeeded, GateClock.now()));
            GateThreads.execute("save the end of the production release " + build, () -> {
                LedgerStore.get().saveNow();
                ReleaseEventListener.publish(events, null); // the waiters hear of the freed lock
            });
        } catch (RuntimeException e) {
            // The build's own end releases the lock too (ReleaseRunListener): never fail the block for this.
            LOGGER.log(Level.WARNING, "Could not record the end of the production release " + build, e);
        }
    }

    /** The build as it is called now: its job may have been renamed or moved while the block ran. */
    private BuildRef buildNow(StepContext context) {
        try {
            Run<?, ?> run = context.get(Run.class);
            if (run != null) {
                return Builds.ref(run);
            }
        } catch (IOException | InterruptedException e) {
            LOGGER.log(Level.FINE, "No build in the context of " + build, e);
        }
        return BuildRef.parse(build);
    }
}
