package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;

/**
 * An abort that arrives while the gate is deciding: the look finishes its ledger change after the step was stopped,
 * and must give back what it took. {@code catchError} keeps the build running after the abort, so what the look took
 * would otherwise stay taken until the build ends.
 */
public class GateAbortTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void abortDuringAProductionLookFreesTheProductionLock() throws Exception {
        configure(checkout());
        WorkflowRun b = abortWhileDeciding(PROD_JOB, "catchError { releaseGate product: 'checkout', stage: "
                + "'production' }\nsemaphore 'after'");
        await("the production lock is free", () -> snapshot().productionInProgress().isEmpty());
        SemaphoreStep.success("after/1", null);
        j.waitForCompletion(b);
    }

    @Test
    public void abortDuringAnRcLookClosesTheRcAndNeverStartsTheBlock() throws Exception {
        configure(checkout());
        WorkflowRun b = abortWhileDeciding(RC_JOB, "catchError { withReleaseGate(product: 'checkout', stage: 'rc') { "
                + "echo 'inside the block' } }\nsemaphore 'after'");
        BuildRef ref = new BuildRef(RC_JOB, b.getNumber());
        await("no RC of " + ref + " holds the product", () -> snapshot().candidates().stream()
                .noneMatch(rc -> rc.getBuild().equals(ref) && rc.getState().isOpen()));
        j.assertLogNotContains("inside the block", b);
        SemaphoreStep.success("after/1", null);
        j.waitForCompletion(b);
        j.assertLogNotContains("inside the block", b);
        j.assertLogNotContains("has already completed", b); // no block launched on a completed step
    }

    @Test
    public void abortDuringALookThatQueuesLeavesTheQueue() throws Exception {
        configure(checkout());
        buildAs(j, job(j, "example-first-rc", "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        assertEquals(RcState.IN_FLIGHT, snapshot().candidates().get(0).getState());
        WorkflowRun b = abortWhileDeciding(RC_JOB, "catchError { releaseGate product: 'checkout', stage: 'rc', "
                + "wait: true }\nsemaphore 'after'");
        await("the queue is empty", () -> snapshot().queue().isEmpty());
        SemaphoreStep.success("after/1", null);
        j.waitForCompletion(b);
    }

    @Test
    public void abortDuringAnUrgentRcLookStillClosesTheSupersededRcsMark() throws Exception {
        configure(checkout());
        WorkflowRun first = buildAs(j, job(j, "example-first-rc", "releaseGate product: 'checkout', stage: 'rc'"),
                "alice");
        WorkflowRun b = abortWhileDeciding(RC_JOB, "catchError { releaseGate product: 'checkout', stage: 'rc', "
                + "urgency: 'CRITICAL_PATH_BUG', reason: 'INC-7 totals wrong' }\nsemaphore 'after'");
        await("the ledger closed the first RC as superseded", () -> snapshot().candidate(new BuildRef(
                "example-first-rc", 1)).orElseThrow().getState() == RcState.SUPERSEDED);
        // Build history is the truth at the next reconciliation: a mark still saying IN_FLIGHT would reopen it.
        await("its build's mark says so too", () -> first.getAction(ReleaseCandidateAction.class).candidate()
                .getState() == RcState.SUPERSEDED);
        SemaphoreStep.success("after/1", null);
        j.waitForCompletion(b);
    }

    /**
     * Starts the build while the test holds the ledger, so its look stops just before its ledger change; aborts the
     * build there; then lets the look go on and waits until the build, which catchError keeps alive, reaches
     * {@code semaphore 'after'}.
     */
    private WorkflowRun abortWhileDeciding(String jobName, String script) throws Exception {
        var p = job(j, jobName, script);
        WorkflowRun b;
        LedgerStore ledger = LedgerStore.get();
        synchronized (ledger) {
            b = startAs(p, "alice");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!aLookIsBlockedOnTheLedger()) {
                assertTrue("a look reached the ledger", System.currentTimeMillis() < deadline);
                Thread.sleep(50);
            }
            b.doStop();
            // catchError swallows the interruption; nothing on the way to the next step needs the ledger.
            SemaphoreStep.waitForStart("after/1", b);
        }
        return b;
    }

    /** The look gives back right after its ledger change, on the plugin's threads; it is quick, but not ours. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(what, System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    private static boolean aLookIsBlockedOnTheLedger() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("Release Gate")
                && t.getState() == Thread.State.BLOCKED);
    }

    private static LedgerSnapshot snapshot() {
        return LedgerStore.get().read(l -> l.snapshot("checkout"));
    }
}
