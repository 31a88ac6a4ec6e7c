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

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/**
 * Waiting builds look again whenever a turn frees, and only the waiters of the product concerned. The timer is set
 * to an hour, so a build that passes within the test's time was woken.
 */
public class WakingTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void onlyWakingCanLetAWaiterThrough() {
        ReleaseGateExecution.recheckSeconds = 3600;
    }

    @After
    public void reset() {
        ReleaseGateExecution.recheckSeconds = 60;
        GateClock.reset();
    }

    @Test
    public void aProductionReleaseEndingWithoutPromotingWakesTheNextWaiter() throws Exception {
        configure(checkout());
        buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        WorkflowRun holder = startAs(job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') { "
                + "semaphore 'deploy' }"), "alice");
        SemaphoreStep.waitForStart("deploy/1", holder);
        WorkflowRun waiting = startAs(job(j, "example-next-deploy", "releaseGate product: 'checkout', stage: "
                + "'production', wait: true"), "bob");
        j.waitForMessage("Release Gate: waiting at the gate", waiting);
        SemaphoreStep.failure("deploy/1", new AbortException("deploy failed"));
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(holder));
        j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
        j.assertLogContains("production release of checkout is ALLOWED", waiting);
    }

    @Test
    public void aFreedTurnWakesOnlyTheWaitersOfItsProduct() throws Exception {
        ProductConfig payments = new ProductConfig("payments");
        payments.setJobs("payments-*");
        payments.setProductionWindows("Mon-Thu 08:00-16:00 America/New_York");
        configure(checkout(), payments);
        Person carol = Person.user("carol");
        LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), carol, "DB migration", Optional.empty(),
                false, GateClock.now()));
        LedgerStore.get().change(l -> l.placeHold(Optional.of("payments"), carol, "audit", Optional.empty(), false,
                GateClock.now()));
        WorkflowRun checkoutWaiter = startAs(job(j, "example-waiting-rc", "releaseGate product: 'checkout', stage: "
                + "'rc', wait: true"), "alice");
        WorkflowRun paymentsWaiter = startAs(job(j, "payments-rc", "releaseGate product: 'payments', stage: 'rc', "
                + "wait: true"), "bob");
        j.waitForMessage("Release Gate: waiting at the gate", checkoutWaiter);
        j.waitForMessage("Release Gate: waiting at the gate", paymentsWaiter);
        // Both holds go without a word (no event), then checkout alone hears that a turn freed.
        LedgerStore.get().change(l -> l.holds().stream().map(h -> l.liftHold(h.id(), carol, true, GateClock.now()))
                .toList());
        ReleaseEventListener.publish(List.of(new LedgerEvent.TurnFreed("checkout", new BuildRef("elsewhere", 1),
                "test")), null);
        j.assertBuildStatusSuccess(j.waitForCompletion(checkoutWaiter));
        Thread.sleep(2000);
        assertTrue("payments' waiter was not woken", paymentsWaiter.isBuilding());
        assertEquals(ReleaseGateExecution.Phase.WAITING, waitingPhase(paymentsWaiter));
        paymentsWaiter.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(paymentsWaiter));
    }

    @Test
    public void aWaiterThatIsAbortedLeavesTheQueueAndTheRegistry() throws Exception {
        configure(checkout());
        buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        WorkflowRun waiting = startAs(job(j, "example-waiting-rc", "releaseGate product: 'checkout', stage: 'rc', "
                + "wait: true"), "bob");
        j.waitForMessage("Release Gate: waiting at the gate", waiting);
        assertEquals(1, WaitingExecutions.of("checkout").size());
        waiting.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(waiting));
        assertEquals(List.of(), WaitingExecutions.of("checkout"));
        assertEquals(List.of(), LedgerStore.get().read(l -> l.snapshot("checkout").queue()));
    }

    private static ReleaseGateExecution.Phase waitingPhase(WorkflowRun run) throws Exception {
        return run.getExecution().getCurrentExecutions(false).get().stream()
                .filter(ReleaseGateExecution.class::isInstance).map(ReleaseGateExecution.class::cast)
                .findFirst().orElseThrow().phase();
    }
}
