package io.jenkins.plugins.releasegate.step;

import hudson.AbortException;
import hudson.console.ModelHyperlinkNote;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.action.Builds;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.util.HashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateOutcome;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * Meets the gate off the CPS thread: decides through the ledger, prints why, announces, then lets the build go on,
 * ends it, or waits. A waiting build is woken by ledger events and looks again on a timer; its state is persisted
 * with the Pipeline, so after a controller restart it re-arms and looks again.
 */
@Restricted(NoExternalUse.class)
public final class ReleaseGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(ReleaseGateExecution.class.getName());
    /** Guards the transient timer and the one-look-at-a-time flags of every execution; held only briefly. */
    private static final Object SCHEDULING = new Object();
    /** A waiting build looks again this often even when nothing wakes it (a window opening, a hold expiring). */
    static volatile long recheckSeconds = 60;

    private final GateParameters params;
    private volatile boolean queued;
    private volatile boolean passed;
    private volatile boolean stopped;
    private volatile String lastHeadline;
    private volatile BodyExecution body;
    /** What the block reports to when it ends; kept so a restart before the block started can start it. */
    private volatile GateBodyCallback callback;
    private transient ScheduledFuture<?> task;
    private transient boolean looking;
    private transient boolean lookAgain;

    ReleaseGateExecution(StepContext context, GateParameters params) {
        super(context);
        this.params = params;
    }

    @Override
    public boolean start() {
        schedule(0);
        return false;
    }

    @Override
    public void onResume() {
        super.onResume();
        if (!passed) {
            // Restarted while deciding or waiting at the gate: look again now.
            schedule(0);
        } else if (body == null && getContext().hasBody()) {
            // Restarted after passing but before the block started: start it now.
            Timer.get().execute(this::startBodySafely);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        stopped = true;
        synchronized (SCHEDULING) {
            if (task != null) {
                task.cancel(false);
            }
        }
        try {
            if (queued) {
                // stop() runs on the CPS thread: the ledger's disk write happens elsewhere.
                Run<?, ?> run = getContext().get(Run.class);
                if (run != null) {
                    BuildRef ref = Builds.ref(run);
                    Timer.get().execute(() -> LedgerStore.get().change(l -> {
                        l.leaveQueue(params.product, ref, GateClock.now(), "stopped: " + cause);
                        return null;
                    }));
                }
            }
        } finally {
            super.stop(cause);
        }
    }

    @Override
    public String getStatus() {
        if (passed) {
            return "passed the release gate of " + params.product;
        }
        return queued ? "waiting at the release gate: " + lastHeadline : "at the release gate of " + params.product;
    }

    /** Something changed in the ledger: a waiting build looks again now. */
    void wake() {
        if (queued && !passed) {
            schedule(0);
        }
    }

    private void schedule(long delaySeconds) {
        synchronized (SCHEDULING) {
            if (stopped) {
                return;
            }
            if (task != null) {
                task.cancel(false);
            }
            task = Timer.get().schedule(this::lookSafely, delaySeconds, TimeUnit.SECONDS);
        }
    }

    /** One look at a time: a wake-up during a look makes one more look right after it. */
    private void lookSafely() {
        synchronized (SCHEDULING) {
            if (looking) {
                lookAgain = true;
                return;
            }
            looking = true;
        }
        try {
            if (!stopped && !passed) {
                look();
            }
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "release gate failed", e);
            getContext().onFailure(e);
        } finally {
            boolean again;
            synchronized (SCHEDULING) {
                looking = false;
                again = lookAgain;
                lookAgain = false;
            }
            if (again) {
                schedule(0);
            }
        }
    }

    private void look() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        ProductPolicy policy;
        try {
            policy = ReleaseGateConfiguration.get().product(params.product);
        } catch (PolicyException e) {
            context.onFailure(new AbortException(e.getMessage()));
            return;
        }
        GateRequest request = GateRequests.of(run, policy, params, listener);
        GateOutcome outcome = LedgerStore.get().change(l -> l.gate(policy, request, GateClock.now(), params.mode()));
        GateDecision decision = outcome.decision();
        String headline = ConsoleMessage.headline(decision);
        if (!headline.equals(lastHeadline)) {
            ConsoleReport.print(listener, decision, policy.getZone());
        }
        lastHeadline = headline;
        ReleaseEventListener.publish(outcome.events(), listener);
        HashMap<String, Object> result = GateResult.of(decision, params, Builds.ref(run));
        if (decision.isAllowed() || params.dryRun) {
            queued = false;
            pass(context, decision, result);
        } else if (outcome.queued()) {
            waitAtTheGate(context, run, request, decision, listener);
        } else {
            Result blocked = policy.getBlockedResult() == BlockedResult.FAILURE ? Result.FAILURE : Result.NOT_BUILT;
            context.onFailure(new FlowInterruptedException(blocked, true,
                    new GateBlockedCause(policy.getName(), headline)));
        }
    }

    private void pass(StepContext context, GateDecision decision, HashMap<String, Object> result) {
        if (!context.hasBody() || params.dryRun) {
            // A dry run reports and changes nothing: it never runs the release in the block.
            passed = true;
            context.onSuccess(result);
            return;
        }
        String production = decision.stage() == Stage.PRODUCTION ? decision.product() : null;
        callback = new GateBodyCallback(production, buildOf(context), result);
        passed = true;
        context.saveState();
        startBody();
    }

    private void startBody() {
        body = getContext().newBodyInvoker().withCallback(callback).start();
        getContext().saveState();
    }

    private void startBodySafely() {
        try {
            startBody();
        } catch (RuntimeException e) {
            getContext().onFailure(e);
        }
    }

    private void waitAtTheGate(StepContext context, Run<?, ?> run, GateRequest request, GateDecision decision,
            TaskListener listener) {
        if (!queued) {
            listener.getLogger().println("Release Gate: waiting at the gate; it looks again whenever the ledger "
                    + "changes and every " + recheckSeconds + " s. Abort the build, or wrap the step in timeout, to stop "
                    + "waiting.");
            queued = true;
            context.saveState();
        }
        if (decision.approvalNeeded() && run.getAction(ApprovalAction.class) == null) {
            request.getUrgency().ifPresent(u -> {
                run.addAction(new ApprovalAction(u.category().name(), u.reason(), request.getRequester().orElse(null)));
                saveQuietly(run);
                listener.getLogger().println("Release Gate: the urgent exception needs approval by someone with the "
                        + "Override permission: " + ModelHyperlinkNote.encodeTo("/" + run.getUrl(), "approve it on the "
                        + "build's page"));
            });
        }
        schedule(recheckSeconds);
    }

    private static String buildOf(StepContext context) {
        try {
            Run<?, ?> run = context.get(Run.class);
            return run == null ? null : Builds.ref(run).toString();
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static void saveQuietly(Run<?, ?> run) {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save " + run, e);
        }
    }
}
