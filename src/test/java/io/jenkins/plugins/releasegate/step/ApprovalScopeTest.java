package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.FRIDAY_10AM;
import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.at;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.ElementNotFoundException;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.replay.ReplayAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * An approval covers exactly what was approved: one call of the step, for one product, stage and category. And a
 * replay never borrows the original triggerer's Override. Bob may build but not override; Carol has Override.
 */
public class ApprovalScopeTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static final String BILLING_RC_JOB = "billing-rc";

    private static String urgentProduction(String product) {
        return "releaseGate product: '" + product + "', stage: 'production', urgency: 'PRODUCTION_DOWN', "
                + "reason: 'INC-4411 payments down', wait: true\necho '" + product + " released'\n";
    }

    @Before
    public void setUp() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice", "bob", "carol")
                .grant(ReleaseGatePermissions.OVERRIDE).everywhere().to("alice", "carol"));
        ProductConfig billing = new ProductConfig("billing");
        billing.setJobs(BILLING_RC_JOB + ", " + PROD_JOB);
        billing.setProductionWindows("Mon-Thu 08:00-16:00 America/New_York");
        configure(checkout(), billing);
        j.assertBuildStatusSuccess(buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"),
                "alice"));
        j.assertBuildStatusSuccess(buildAs(j, job(j, BILLING_RC_JOB, "releaseGate product: 'billing', stage: 'rc'"),
                "alice"));
        at(FRIDAY_10AM); // outside both products' windows
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void anApprovalCoversOnlyTheCallItWasGivenFor() throws Exception {
        WorkflowJob deploy = job(j, PROD_JOB, urgentProduction("checkout") + urgentProduction("billing"));
        WorkflowRun waiting = startAs(deploy, "bob");
        ApprovalAction first = approvals(waiting, 1).get(0);
        assertEquals("checkout", first.getProduct());
        assertEquals("PRODUCTION", first.getStage());
        assertEquals("PRODUCTION_DOWN", first.getCategory());
        assertEquals("WINDOW", first.getLifts());

        approveOnTheBuildPage(waiting, first);
        j.waitForMessage("checkout released", waiting);

        // The second call, for billing, asks for an approval of its own and waits for it.
        ApprovalAction second = approvals(waiting, 2).get(1);
        assertEquals("billing", second.getProduct());
        assertNull(second.getApprovedBy());
        assertTrue(waiting.isBuilding());
        j.assertLogNotContains("billing released", waiting);

        approveOnTheBuildPage(waiting, second);
        j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
        j.assertLogContains("billing released", waiting);
    }

    @Test
    public void theApproveButtonShowsOnlyToThoseWhoseClickWouldWork() throws Exception {
        WorkflowRun waiting = startAs(job(j, PROD_JOB, urgentProduction("checkout")), "bob");
        ApprovalAction approval = approvals(waiting, 1).get(0);
        HtmlPage bobsView = j.createWebClient().login("bob").getPage(waiting);
        assertThrows(ElementNotFoundException.class, () -> bobsView.getFormByName(approval.getUrlName()));
        HtmlPage carolsView = j.createWebClient().login("carol").getPage(waiting);
        carolsView.getFormByName(approval.getUrlName()); // present: Carol has Override and the build waits
        waiting.doStop();
        j.waitForCompletion(waiting);
        HtmlPage ended = j.createWebClient().login("carol").getPage(waiting);
        assertThrows(ElementNotFoundException.class, () -> ended.getFormByName(approval.getUrlName()));
    }

    /** ReplayAction adds a user cause without id for a SYSTEM or anonymous caller: nobody lends Override then. */
    @Test
    public void aReplayNeverBorrowsTheOriginalTriggerersOverride() throws Exception {
        WorkflowJob deploy = job(j, PROD_JOB, "echo 'nothing to release'");
        WorkflowRun original = buildAs(j, deploy, "alice"); // alice has Override
        j.assertBuildStatusSuccess(original);
        String urgentOnce = "releaseGate product: 'checkout', stage: 'production', urgency: 'PRODUCTION_DOWN', "
                + "reason: 'INC-4411 payments down'";
        WorkflowRun replay = (WorkflowRun) original.getAction(ReplayAction.class).run(urgentOnce, Map.of(), false)
                .get();
        j.assertBuildStatus(Result.NOT_BUILT, replay);
        j.assertLogContains("the urgent exception needs the Override permission", replay);
    }

    private void approveOnTheBuildPage(WorkflowRun run, ApprovalAction approval) throws Exception {
        HtmlPage page = j.createWebClient().login("carol").getPage(run);
        j.submit(page.getFormByName(approval.getUrlName()));
        assertEquals("carol", approval.getApprovedBy().getId());
    }

    /** Waits until the build has asked for {@code count} approvals, and returns them in the order asked. */
    private static List<ApprovalAction> approvals(WorkflowRun run, int count) throws InterruptedException {
        for (int i = 0; i < 600 && run.getActions(ApprovalAction.class).size() < count; i++) {
            Thread.sleep(100);
        }
        List<ApprovalAction> asked = run.getActions(ApprovalAction.class);
        assertEquals(asked.toString(), count, asked.size());
        return asked;
    }
}
