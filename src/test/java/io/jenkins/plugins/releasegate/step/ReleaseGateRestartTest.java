package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

public class ReleaseGateRestartTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void waitingSurvivesARestartAndPassesWhenTheRcInFlightIsRejected() throws Throwable {
        sessions.then(j -> {
            configure(checkout());
            buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
            WorkflowRun waiting = startAs(job(j, "example-waiting", "releaseGate product: 'checkout', stage: 'rc', "
                    + "wait: true\necho 'passed the gate'"), "bob");
            j.waitForMessage("Release Gate: waiting at the gate", waiting);
        });
        sessions.then(j -> {
            // Only waking can let it through in time: the timer would look again in an hour.
            ReleaseGateExecution.recheckSeconds = 3600;
            WorkflowRun waiting = j.jenkins.getItemByFullName("example-waiting", WorkflowJob.class).getBuildByNumber(1);
            assertEquals("the queue was persisted with the ledger", List.of(new BuildRef("example-waiting", 1)),
                    LedgerStore.get().read(l -> l.waiters().get("checkout")).stream().map(w -> w.build()).toList());
            List<LedgerEvent> events = LedgerStore.get().change(l -> l.reject(
                    ReleaseGateConfiguration.get().product("checkout"), new BuildRef(RC_JOB, 1), Person.user("carol"),
                    "totals wrong", "fix in the next RC", GateClock.now()));
            ReleaseEventListener.publish(events, null);
            j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
            j.assertLogContains("passed the gate", waiting);
        });
    }

    @After
    public void resetRecheck() {
        ReleaseGateExecution.recheckSeconds = 60;
    }

    @Test
    public void aBlockEndingAsTheControllerStopsCompletesAfterTheRestartAndFreesTheLock() throws Throwable {
        sessions.then(j -> {
            configure(checkout());
            WorkflowRun b = startAs(job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') { "
                    + "semaphore 'deploy' }\necho 'after the block'"), "alice");
            SemaphoreStep.waitForStart("deploy/1", b);
            // The block ends and the controller stops at once: the step's completion must not be left in a queue
            // that shutdown drops.
            SemaphoreStep.success("deploy/1", null);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName(PROD_JOB, WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("after the block", b);
            j.assertLogNotContains("\tat ", b);
            assertEquals(Optional.empty(), LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        });
    }

    @Test
    public void aBlockRunningAcrossARestartRunsOnce() throws Throwable {
        sessions.then(j -> {
            configure(checkout());
            WorkflowRun b = startAs(job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') { "
                    + "echo 'deploying now'\nsemaphore 'deploy' }"), "alice");
            SemaphoreStep.waitForStart("deploy/1", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName(PROD_JOB, WorkflowJob.class).getBuildByNumber(1);
            SemaphoreStep.success("deploy/1", null);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            String log = JenkinsRule.getLog(b);
            assertEquals("the block ran once", log.indexOf("deploying now"), log.lastIndexOf("deploying now"));
            assertEquals(-1, log.indexOf("deploy/2")); // no second semaphore: never launched twice
            assertEquals(Optional.empty(), LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        });
    }
}
