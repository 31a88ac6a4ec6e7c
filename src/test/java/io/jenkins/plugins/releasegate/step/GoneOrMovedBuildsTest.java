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

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;
import org.jvnet.hudson.test.TestExtension;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;

/** A deleted build lets go of what it held; a renamed or moved job takes its references along. */
public class GoneOrMovedBuildsTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aDeletedRcInFlightIsRemovedAuditedAnnouncedAndFreesTheProduct() throws Exception {
        configure(checkout());
        WorkflowJob rcJob = job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'");
        WorkflowRun first = buildAs(j, rcJob, "alice");
        assertEquals(RcState.IN_FLIGHT, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
        first.delete();
        assertEquals(RcState.REMOVED, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
        assertTrue(LedgerStore.get().read(l -> l.audit("checkout")).stream()
                .anyMatch(e -> e.action() == AuditEntry.Action.BUILD_REMOVED && e.subject().equals(RC_JOB + "#1")));
        assertTrue("the product's channel hears of it", Heard.events.stream()
                .anyMatch(e -> e instanceof LedgerEvent.RcRemoved r && r.rc().getBuild().equals(new BuildRef(RC_JOB, 1))));
        j.assertBuildStatusSuccess(buildAs(j, rcJob, "bob"));
    }

    @Test
    public void aDeletedBuildIsReleasedEvenWhenItsJobIsNoLongerBoundToTheProduct() throws Exception {
        configure(checkout());
        WorkflowRun first = buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        ProductConfig rebound = checkout();
        rebound.setJobs(PROD_JOB); // the RC job no longer belongs to checkout
        configure(rebound);
        first.delete();
        assertEquals(RcState.REMOVED, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
    }

    @Test
    public void aDeletedJobLetsGoOfItsRc() throws Exception {
        configure(checkout());
        WorkflowJob rcJob = job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'");
        buildAs(j, rcJob, "alice");
        rcJob.delete();
        assertEquals(RcState.REMOVED, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
    }

    @Test
    public void aRunningProductionReleaseWhoseFolderMovesStillFreesTheLockWhenItEnds() throws Exception {
        ProductConfig product = checkout();
        product.setJobs(RC_JOB + ", team/deploy, moved/deploy");
        configure(product);
        buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        MockFolder team = j.createFolder("team");
        WorkflowJob deploy = team.createProject(WorkflowJob.class, "deploy");
        deploy.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "releaseGate product: 'checkout', stage: 'production'\nsemaphore 'after'", true));
        WorkflowRun b = startAs(deploy, "alice");
        SemaphoreStep.waitForStart("after/1", b);
        assertEquals(Optional.of(new BuildRef("team/deploy", 1)), snapshot().productionInProgress());
        team.renameTo("moved");
        assertEquals(Optional.of(new BuildRef("moved/deploy", 1)), snapshot().productionInProgress());
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals(Optional.empty(), snapshot().productionInProgress());
        assertEquals(RcState.PROMOTED, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
    }

    @Test
    public void aRunningRcWhoseFolderMovesGoesInFlightUnderItsNewName() throws Exception {
        ProductConfig product = checkout();
        product.setJobs("team/rc, moved/rc");
        configure(product);
        MockFolder team = j.createFolder("team");
        WorkflowJob rc = team.createProject(WorkflowJob.class, "rc");
        rc.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "releaseGate product: 'checkout', stage: 'rc'\nsemaphore 'after'", true));
        WorkflowRun b = startAs(rc, "alice");
        SemaphoreStep.waitForStart("after/1", b);
        team.renameTo("moved");
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        BuildRef moved = new BuildRef("moved/rc", 1);
        assertEquals(RcState.IN_FLIGHT, snapshot().candidate(moved).orElseThrow().getState());
        assertEquals(Optional.empty(), snapshot().candidate(new BuildRef("team/rc", 1)));
        await("the RC mark names the build by its new name", () -> moved.toString().equals(
                b.getAction(ReleaseCandidateAction.class).candidate().getBuild().toString()));
    }

    /** The folder moves out of the product's job patterns: the build is finished by its reference, not its binding. */
    @Test
    public void aProductionReleaseMovedOutOfItsProductsJobsStillFreesTheLockWhenItEnds() throws Exception {
        ProductConfig product = checkout();
        product.setJobs(RC_JOB + ", team/deploy");
        configure(product);
        buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        MockFolder team = j.createFolder("team");
        WorkflowJob deploy = team.createProject(WorkflowJob.class, "deploy");
        deploy.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "releaseGate product: 'checkout', stage: 'production'\nsemaphore 'after'", true));
        WorkflowRun b = startAs(deploy, "alice");
        SemaphoreStep.waitForStart("after/1", b);
        team.renameTo("elsewhere");
        assertEquals(Optional.of(new BuildRef("elsewhere/deploy", 1)), snapshot().productionInProgress());
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals("freed although elsewhere/deploy is bound to no product", Optional.empty(),
                snapshot().productionInProgress());
        assertEquals(RcState.PROMOTED, snapshot().candidate(new BuildRef(RC_JOB, 1)).orElseThrow().getState());
    }

    @Test
    public void anRcMovedOutOfItsProductsJobsStillGoesInFlightWhenItEnds() throws Exception {
        ProductConfig product = checkout();
        product.setJobs("team/rc");
        configure(product);
        MockFolder team = j.createFolder("team");
        WorkflowJob rc = team.createProject(WorkflowJob.class, "rc");
        rc.setDefinition(new org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition(
                "releaseGate product: 'checkout', stage: 'rc'\nsemaphore 'after'", true));
        WorkflowRun b = startAs(rc, "alice");
        SemaphoreStep.waitForStart("after/1", b);
        team.renameTo("elsewhere");
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertEquals("not left RUNNING for ever", RcState.IN_FLIGHT,
                snapshot().candidate(new BuildRef("elsewhere/rc", 1)).orElseThrow().getState());
    }

    private static LedgerSnapshot snapshot() {
        return LedgerStore.get().read(l -> l.snapshot("checkout"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertTrue(what, System.currentTimeMillis() < deadline);
            Thread.sleep(50);
        }
    }

    /** What the product's channel would hear. */
    @TestExtension("aDeletedRcInFlightIsRemovedAuditedAnnouncedAndFreesTheProduct")
    public static final class Heard extends ReleaseEventListener {
        static final List<LedgerEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvents(List<LedgerEvent> published, @CheckForNull TaskListener console) {
            events.addAll(published);
        }
    }
}
