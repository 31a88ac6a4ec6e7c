package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.console.ModelHyperlinkNote;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.GateThreads;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.action.Builds;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
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
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;

/**
 * Meets the gate on the plugin's own threads: decides through the ledger, prints why, announces, then lets the build
 * go on, ends it, or waits. A waiting build is woken by ledger changes and looks again on a timer. All it persists
 * besides its arguments is its {@link Phase}, so after a controller restart it knows whether to look again, start its
 * block, or do nothing.
 */
@Restricted(NoExternalUse.class)
public final class ReleaseGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(ReleaseGateExecution.class.getName());
    /** A waiting build looks again this often even when nothing wakes it (a window opening, a hold expiring). */
    static long recheckSeconds = SystemProperties.getLong(ReleaseGateExecution.class.getName() + ".recheckSeconds", 60L);

    /** Where the execution stands. */
    enum Phase {
        /** Asking the gate. */
        DECIDING,
        /** Queued at the gate: looks again when woken, and every {@link #recheckSeconds}. */
        WAITING,
        /** Let through; its block is about to start. */
        PASSED,
        /** Its block was launched. Recorded before launching, so a restart never launches it twice. */
        IN_BLOCK,
        /** Completed, refused or stopped: nothing more to do. */
        DONE;

        boolean looks() {
            return this == DECIDING || this == WAITING;
        }
    }

    private final GateParameters params;
    /** Guarded by {@code this}: a look and {@link #stop} must not both act on one phase. */
    private volatile Phase phase = Phase.DECIDING;
    private volatile String lastHeadline;
    /** What the block reports to when it ends; kept so a restart before the block started can start it. */
    private volatile GateBodyCallback callback;
    /** The launched block, so that stopping before it runs cancels it rather than completing the step under it. */
    private volatile BodyExecution block;
    /** A production block: when its window closes, to tell the team if it is still running then. */
    private volatile WindowCloseWatch closeWatch;
    private transient LookScheduler looks;

    ReleaseGateExecution(StepContext context, GateParameters params) {
        super(context);
        this.params = params;
    }

    @Override
    public boolean start() {
        looks().now();
        return false;
    }

    @Override
    public void onResume() {
        super.onResume();
        switch (phase) {
            case DECIDING, WAITING -> {
                // Restarted while at the gate: look again now.
                if (phase == Phase.WAITING) {
                    WaitingExecutions.add(params.product, this);
                }
                looks().now();
            }
            // Restarted after passing but before the block was launched: launch it now.
            case PASSED -> GateThreads.execute("start the block of " + params.product, this::startBlock);
            // The block is part of the program and resumes with it; the watch on the window's close re-arms.
            case IN_BLOCK -> watchTheClose();
            // DONE: nothing left.
            default -> { }
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        Phase was;
        BodyExecution launched;
        synchronized (this) {
            was = phase;
            launched = block;
            if (was != Phase.IN_BLOCK) {
                phase = Phase.DONE;
            }
        }
        looks().cancel();
        WindowCloseWatch watch = closeWatch;
        if (watch != null) {
            watch.cancel();
        }
        WaitingExecutions.remove(params.product, this);
        if (was == Phase.IN_BLOCK && launched != null) {
            // The block ends with the cause; the callback then frees what it holds and completes the step.
            launched.cancel(cause);
            return;
        }
        if (was == Phase.WAITING || was == Phase.PASSED) {
            // stop() runs on the CPS VM thread: the ledger's disk write happens elsewhere. A look still deciding
            // gives back what it took itself, once it sees the phase.
            BuildRef ref = buildRef();
            if (ref != null) {
                GateThreads.execute("give back the place of " + ref + " at the gate", () -> giveBack(ref,
                        was == Phase.PASSED, "stopped: " + cause));
            }
        }
        super.stop(cause);
    }

    @Override
    public String getStatus() {
        return switch (phase) {
            case DECIDING -> "at the release gate of " + params.product;
            case WAITING -> "waiting at the release gate: " + lastHeadline;
            case PASSED, IN_BLOCK -> "passed the release gate of " + params.product;
            case DONE -> "done at the release gate of " + params.product;
        };
    }

    /** Something changed that may let this build pass: look again now. */
    void wake() {
        if (phase == Phase.WAITING) {
            looks().now();
        }
    }

    Phase phase() {
        return phase;
    }

    private synchronized LookScheduler looks() {
        if (looks == null) {
            looks = new LookScheduler(this::lookSafely);
        }
        return looks;
    }

    /**
     * Moves to {@code next} unless the execution was stopped meanwhile.
     *
     * @return the phase it left, or null when it was stopped (and so nothing may act on the context)
     */
    private synchronized Phase moveTo(Phase next) {
        Phase was = phase;
        if (was == Phase.DONE) {
            return null;
        }
        phase = next;
        return was;
    }

    private void lookSafely() {
        if (!phase.looks()) {
            return;
        }
        try {
            look();
        } catch (Exception e) {
            LOGGER.log(Level.FINE, "release gate failed", e);
            if (moveTo(Phase.DONE) != null) {
                WaitingExecutions.remove(params.product, this);
                getContext().onFailure(e);
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
            if (moveTo(Phase.DONE) != null) {
                context.onFailure(new AbortException(e.getMessage()));
            }
            return;
        }
        GateRequest request = GateRequests.of(run, policy, params, stepId(context), listener);
        BuildRef ref = Builds.ref(run);
        GateOutcome outcome = LedgerStore.get().change(l -> l.gate(policy, request, GateClock.now(), params.mode()));
        GateDecision decision = outcome.decision();
        boolean passes = decision.isAllowed() || params.dryRun;
        boolean withBlock = context.hasBody() && !params.dryRun;
        if (passes && withBlock) {
            String production = decision.stage() == Stage.PRODUCTION ? decision.product() : null;
            callback = new GateBodyCallback(production, ref.toString(), GateResult.of(decision, params, ref));
            // Open now and closing later: a block still running then is told about, once.
            closeWatch = production == null ? null : decision.window().closesAt().map(WindowCloseWatch::new)
                    .orElse(null);
        }
        Phase next = passes ? (withBlock ? Phase.PASSED : Phase.DONE) : outcome.queued() ? Phase.WAITING : Phase.DONE;
        Phase was = moveTo(next);
        if (was == null) {
            // Stopped while the ledger changed: the context is completed. What the change did is announced first (an
            // RC it superseded is closed for good: its mark and its channel must hear it), then what this look took
            // is given back.
            ReleaseEventListener.publish(outcome.events(), listener);
            if (decision.isAllowed() && !params.dryRun || outcome.queued()) {
                giveBack(ref, decision.isAllowed() && !params.dryRun, "stopped while at the gate");
            }
            return;
        }
        if (next != Phase.WAITING) {
            WaitingExecutions.remove(params.product, this);
        }
        String headline = ConsoleMessage.headline(decision);
        if (!headline.equals(lastHeadline)) {
            ConsoleReport.print(listener, decision, policy.getZone());
        }
        lastHeadline = headline;
        ReleaseEventListener.publish(outcome.events(), listener);
        if (passes) {
            if (withBlock) {
                context.saveState();
                startBlock();
            } else {
                // A dry run reports and changes nothing: it never runs the release in the block.
                context.onSuccess(GateResult.of(decision, params, ref));
            }
        } else if (outcome.queued()) {
            waitAtTheGate(context, run, request, decision, listener, was == Phase.DECIDING);
        } else {
            Result blocked = policy.getBlockedResult() == BlockedResult.FAILURE ? Result.FAILURE : Result.NOT_BUILT;
            context.onFailure(new FlowInterruptedException(blocked, true,
                    new GateBlockedCause(policy.getName(), headline)));
        }
    }

    /**
     * Launches the block once: the phase says so before the launch is queued, and a stopped execution launches
     * nothing (its context is completed).
     */
    private void startBlock() {
        StepContext context = getContext();
        RuntimeException failed = null;
        synchronized (this) {
            if (phase != Phase.PASSED) {
                return;
            }
            phase = Phase.IN_BLOCK;
            try {
                block = context.newBodyInvoker().withCallback(callback).start();
            } catch (RuntimeException e) {
                phase = Phase.DONE;
                failed = e;
            }
        }
        if (failed != null) {
            BuildRef ref = buildRef();
            if (ref != null) {
                giveBack(ref, true, "the block could not start");
            }
            context.onFailure(failed);
            return;
        }
        context.saveState();
        watchTheClose();
    }

    private void watchTheClose() {
        WindowCloseWatch watch = closeWatch;
        if (watch != null) {
            watch.arm(this::stillRunningAfterClose);
        }
    }

    /**
     * The production window closed while the block runs: the console and the product's channel hear it once. The block
     * goes on.
     */
    private void stillRunningAfterClose() {
        WindowCloseWatch watch = closeWatch;
        BodyExecution launched = block;
        if (watch == null || phase != Phase.IN_BLOCK || launched == null || launched.isDone() || !watch.tell()) {
            return;
        }
        getContext().saveState();
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            ProductPolicy policy = ReleaseGateConfiguration.get().product(params.product);
            listener.getLogger().println(ConsoleMessage.stillRunning(policy.getName(), run.getNumber(),
                    watch.closesAt(), policy.getZone()));
            ReleaseEventListener.publish(List.of(new LedgerEvent.StillRunning(policy.getName(), Builds.ref(run),
                    watch.closesAt())), listener);
        } catch (IOException | PolicyException e) {
            LOGGER.log(Level.WARNING, "Could not tell that the production release of " + params.product
                    + " is still running after the window closed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Gives back what passing or queueing took for this build: its place in the queue and, when it passed, the
     * production lock (without promoting) or the RC it started (closed as failed).
     */
    private void giveBack(BuildRef ref, boolean passed, String why) {
        ProductPolicy policy;
        try {
            policy = ReleaseGateConfiguration.get().product(params.product);
        } catch (PolicyException e) {
            LOGGER.log(Level.WARNING, "Could not give back " + ref + "'s place at the gate of " + params.product, e);
            return;
        }
        Stage stage = params.stage();
        // The builds waiting behind this one hear of it (TurnFreed) and look again.
        LedgerStore.get().apply(l -> {
            List<LedgerEvent> out = new ArrayList<>();
            out.addAll(l.leaveQueue(params.product, ref, GateClock.now(), why));
            if (passed && stage == Stage.RC) {
                out.addAll(l.buildFinished(policy, ref, BuildResult.ABORTED, GateClock.now()));
            } else if (passed) {
                out.addAll(l.productionFinished(policy, ref, false, GateClock.now()));
            }
            return out;
        }, null);
    }

    private void waitAtTheGate(StepContext context, Run<?, ?> run, GateRequest request, GateDecision decision,
            TaskListener listener, boolean first) {
        WaitingExecutions.add(params.product, this);
        if (first) {
            listener.getLogger().println("Release Gate: waiting at the gate; it looks again whenever the ledger "
                    + "changes and every " + recheckSeconds + " s. Abort the build, or wrap the step in timeout, to stop "
                    + "waiting.");
            context.saveState();
        }
        if (decision.approvalNeeded()) {
            request.getUrgency().ifPresent(u -> {
                // One approval per request: this call, this product, stage and category, lifting what the gate said.
                String step = stepId(context);
                ApprovalAction asked = ApprovalAction.of(run, decision.product(), request.getStage(), u.category(), step);
                if (asked != null && asked.asksFor(decision.approvalLifts())) {
                    return;
                }
                run.addAction(new ApprovalAction(decision.product(), request.getStage(), u.category(),
                        decision.approvalLifts(), u.reason(), request.getRequester().orElse(null), step));
                saveQuietly(run);
                listener.getLogger().println("Release Gate: the urgent exception needs approval by someone with the "
                        + "Override permission: " + ModelHyperlinkNote.encodeTo("/" + run.getUrl(), "approve it on the "
                        + "build's page"));
            });
        }
        looks().in(recheckSeconds);
    }

    /** The flow node of this step call: what tells one request of the build from another. */
    @CheckForNull
    private static String stepId(StepContext context) {
        try {
            FlowNode node = context.get(FlowNode.class);
            return node == null ? null : node.getId();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private BuildRef buildRef() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            return run == null ? null : Builds.ref(run);
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
