package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.rc.BuildRef;

/**
 * The block's end completes the step in the callback itself, and frees the production lock before it returns: a
 * completion left in a queue could be dropped at shutdown after the Pipeline was saved.
 */
public class GateBodyCallbackTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void successCompletesTheStepAndFreesTheLockBeforeReturning() throws Exception {
        WorkflowRun b = holdingTheProductionLock();
        HashMap<String, Object> result = new HashMap<>(Map.of("stage", "production"));
        RecordingContext context = new RecordingContext();
        new GateBodyCallback("checkout", PROD_JOB + "#1", result).onSuccess(context, "block result");
        assertSame("the step completed with the gate's result", result, context.succeeded);
        assertEquals(Optional.empty(), LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        SemaphoreStep.success("deploy/1", null);
        j.waitForCompletion(b);
    }

    @Test
    public void failureCompletesTheStepWithTheBlocksErrorAndFreesTheLockBeforeReturning() throws Exception {
        WorkflowRun b = holdingTheProductionLock();
        RecordingContext context = new RecordingContext();
        AbortException error = new AbortException("deploy failed");
        new GateBodyCallback("checkout", PROD_JOB + "#1", new HashMap<>()).onFailure(context, error);
        assertSame(error, context.failed);
        assertEquals(Optional.empty(), LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        SemaphoreStep.success("deploy/1", null);
        j.waitForCompletion(b);
    }

    @Test
    public void theLockIsFreeWhenTheBuildGoesOnAfterTheBlock() throws Exception {
        configure(checkout());
        WorkflowRun b = startAs(job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') { "
                + "echo 'deploying' }\nsemaphore 'after'"), "alice");
        SemaphoreStep.waitForStart("after/1", b);
        assertEquals("freed as the block ended, not as the build did", Optional.empty(),
                LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
    }

    private WorkflowRun holdingTheProductionLock() throws Exception {
        configure(checkout());
        WorkflowRun b = startAs(job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') { "
                + "semaphore 'deploy' }"), "alice");
        SemaphoreStep.waitForStart("deploy/1", b);
        assertEquals(Optional.of(new BuildRef(PROD_JOB, 1)),
                LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        return b;
    }

    /** Records how the step was completed; nothing else of a context is needed by the callback. */
    private static final class RecordingContext extends StepContext {
        private static final long serialVersionUID = 1L;
        transient Object succeeded;
        transient Throwable failed;

        @Override
        public <T> T get(Class<T> key) {
            return null;
        }

        @Override
        public void onSuccess(Object result) {
            succeeded = result;
        }

        @Override
        public void onFailure(Throwable t) {
            failed = t;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public ListenableFuture<Void> saveState() {
            return Futures.immediateFuture(null);
        }

        @Override
        public void setResult(Result r) {
        }

        @Override
        public BodyInvoker newBodyInvoker() {
            throw new IllegalStateException("no block");
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
