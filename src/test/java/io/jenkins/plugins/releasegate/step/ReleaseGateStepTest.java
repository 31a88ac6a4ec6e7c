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
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.InvisibleAction;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.QueueTaskFuture;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.ledger.LedgerReconciler;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import hudson.model.User;
import java.io.File;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;

public class ReleaseGateStepTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static final String RC = "def gate = releaseGate product: 'checkout', stage: 'rc'\n"
            + "echo \"rc=${gate.rcBuild} manager=${gate.releaseManager}\"";

    private RcState state(WorkflowRun run) {
        return RcState.valueOf(run.getAction(ReleaseCandidateAction.class).getState());
    }

    @Test
    public void rcIsAllowedAndMarkedWithItsReleaseManager() throws Exception {
        configure(checkout());
        WorkflowJob p = job(j, RC_JOB, RC);
        WorkflowRun b = buildAs(j, p, "alice");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("Release Gate: release candidate of checkout is ALLOWED.", b);
        j.assertLogContains("rc=checkout-rc#1 manager=alice", b);
        ReleaseCandidateAction mark = b.getAction(ReleaseCandidateAction.class);
        assertNotNull(mark);
        assertEquals("alice", mark.getReleaseManager().getId());
        assertEquals("USER", mark.getReleaseManager().getSource());
        assertEquals(RcState.IN_FLIGHT, state(b)); // the build ended SUCCESS: deployed
        assertTrue(mark.getBadgeText(), mark.getBadgeText().contains("alice"));
        assertTrue(j.createWebClient().getPage(b).asNormalizedText().contains("Release manager"));
    }

    @Test
    public void rcInFlightBlocksTheNextWithTheOwnerAndNotBuilt() throws Exception {
        configure(checkout());
        WorkflowJob p = job(j, RC_JOB, RC);
        buildAs(j, p, "alice");
        WorkflowRun second = buildAs(j, p, "bob");
        j.assertBuildStatus(Result.NOT_BUILT, second);
        j.assertLogContains("Release Gate: release candidate of checkout is BLOCKED.", second);
        j.assertLogContains("release candidate checkout-rc#1 is in flight on CI/QA (release manager alice)", second);
        j.assertLogContains("tell the team in the product's channel first", second);
        j.assertLogContains("Blocked by Release Gate", second);
        j.assertLogNotContains("\tat ", second); // no stack trace
        assertNull(second.getAction(ReleaseCandidateAction.class));
    }

    @Test
    public void blockedResultCanBeFailure() throws Exception {
        ProductConfig product = checkout();
        product.setBlockedResult("FAILURE");
        configure(product);
        WorkflowJob p = job(j, RC_JOB, RC);
        buildAs(j, p, "alice");
        j.assertBuildStatus(Result.FAILURE, buildAs(j, p, "bob"));
    }

    @Test
    public void urgentRcSupersedesTheOneInFlight() throws Exception {
        configure(checkout());
        WorkflowRun first = buildAs(j, job(j, RC_JOB, RC), "alice");
        WorkflowJob urgent = job(j, "example-urgent-rc", "def g = releaseGate product: 'checkout', stage: 'rc', "
                + "urgency: 'CRITICAL_PATH_BUG', reason: 'INC-7 totals wrong'\necho \"supersedes=${g.supersedes}\"");
        WorkflowRun b = buildAs(j, urgent, "bob");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("Supersedes release candidate checkout-rc#1 (release manager alice)", b);
        j.assertLogContains("supersedes=[checkout-rc#1]", b);
        assertEquals(RcState.SUPERSEDED, state(first));
        assertEquals("example-urgent-rc#1", first.getAction(ReleaseCandidateAction.class).getClosure().getClosedFor());
    }

    @Test
    public void productionInsideTheWindowPromotesTheRcWhenTheBuildSucceeds() throws Exception {
        configure(checkout());
        WorkflowRun rc = buildAs(j, job(j, RC_JOB, RC), "alice");
        WorkflowRun prod = buildAs(j, job(j, PROD_JOB, "def g = releaseGate product: 'checkout', stage: 'production'\n"
                + "echo \"promotes=${g.rcBuild}\""), "bob");
        j.assertBuildStatusSuccess(prod);
        j.assertLogContains("promotes=checkout-rc#1", prod);
        assertEquals(RcState.PROMOTED, state(rc));
    }

    @Test
    public void productionWithABodyPromotesWhenTheBodySucceeds() throws Exception {
        configure(checkout());
        WorkflowRun rc = buildAs(j, job(j, RC_JOB, RC), "alice");
        WorkflowJob deploy = job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') {\n"
                + "  semaphore 'deploy'\n}\necho 'after the release'\nsemaphore 'after'");
        WorkflowRun prod = startAs(deploy, "bob");
        SemaphoreStep.waitForStart("deploy/1", prod);
        assertEquals(Optional.of(new BuildRef(PROD_JOB, 1)),
                LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        SemaphoreStep.success("deploy/1", null);
        SemaphoreStep.waitForStart("after/1", prod);
        assertEquals(RcState.PROMOTED, state(rc)); // promoted as the body ended, before the build did
        assertEquals(Optional.empty(), LedgerStore.get().read(l -> l.snapshot("checkout").productionInProgress()));
        SemaphoreStep.success("after/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(prod));
    }

    @Test
    public void productionOutsideTheWindowSaysWhenItOpens() throws Exception {
        configure(checkout());
        buildAs(j, job(j, RC_JOB, RC), "alice");
        at(FRIDAY_10AM);
        WorkflowRun prod = buildAs(j, job(j, PROD_JOB, "releaseGate product: 'checkout', stage: 'production'"), "bob");
        j.assertBuildStatus(Result.NOT_BUILT, prod);
        j.assertLogContains("outside the production window (Mon-Thu 08:00-16:00 America/New_York)", prod);
        j.assertLogContains("The next production window opens Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC).", prod);
        j.assertLogContains("If it is urgent: run again with urgency", prod);
    }

    private void secure() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice", "bob", "carol", "dave")
                .grant(ReleaseGatePermissions.OVERRIDE).everywhere().to("alice", "carol"));
    }

    private static final String URGENT_PROD = "releaseGate product: 'checkout', stage: 'production', "
            + "urgency: 'PRODUCTION_DOWN', reason: 'INC-4411 checkout 500s'";

    @Test
    public void urgentProductionNeedsOverride() throws Exception {
        secure();
        configure(checkout());
        buildAs(j, job(j, RC_JOB, RC), "alice");
        at(FRIDAY_10AM);
        WorkflowJob deploy = job(j, PROD_JOB, URGENT_PROD);
        WorkflowRun refused = buildAs(j, deploy, "bob");
        j.assertBuildStatus(Result.NOT_BUILT, refused);
        j.assertLogContains("the urgent exception needs the Override permission", refused);
        WorkflowRun allowed = buildAs(j, deploy, "alice");
        j.assertBuildStatusSuccess(allowed);
        j.assertLogContains("Urgent exception PRODUCTION_DOWN (INC-4411 checkout 500s) requested by alice lifted the "
                + "production window.", allowed);
    }

    @Test
    public void approvalBySomeoneWithOverrideLetsAWaitingBuildPass() throws Exception {
        secure();
        configure(checkout());
        buildAs(j, job(j, RC_JOB, RC), "alice");
        at(FRIDAY_10AM);
        WorkflowRun waiting = startAs(job(j, PROD_JOB, URGENT_PROD + ", wait: true"), "bob");
        j.waitForMessage("needs approval by someone with the Override permission", waiting);
        ApprovalAction approval = waiting.getAction(ApprovalAction.class);
        assertNotNull(approval);
        JenkinsRule.WebClient dave = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        dave.login("dave");
        Page refused = dave.getPage(new WebRequest(dave.createCrumbedUrl(waiting.getUrl() + approval.getUrlName() + "/approve"),
                HttpMethod.POST));
        assertEquals(403, refused.getWebResponse().getStatusCode());
        assertNull(approval.getApprovedBy());
        JenkinsRule.WebClient carol = j.createWebClient();
        carol.login("carol");
        carol.getPage(new WebRequest(carol.createCrumbedUrl(waiting.getUrl() + approval.getUrlName() + "/approve"),
                HttpMethod.POST));
        j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
        j.assertLogContains("approved by carol", waiting);
        assertEquals("carol", approval.getApprovedBy().getId());
    }

    @Test
    public void holdBlocksAndNamesItsAuthor() throws Exception {
        configure(checkout());
        LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), Person.user("carol"), "DB migration",
                Optional.empty(), false, GateClock.now()));
        WorkflowRun b = buildAs(j, job(j, RC_JOB, RC), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, b);
        j.assertLogContains("hold by carol: DB migration; owner: carol", b);
    }

    /** As docs/user-guide.md says: catchError swallows the gate's answer; withReleaseGate's block never runs. */
    @Test
    public void catchErrorSwallowsTheGatesAnswerButNotWithReleaseGatesBlock() throws Exception {
        configure(checkout());
        at(FRIDAY_10AM);
        WorkflowRun swallowed = buildAs(j, job(j, PROD_JOB, "catchError { releaseGate product: 'checkout', stage: "
                + "'production' }\necho 'deployed anyway'"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, swallowed);
        j.assertLogContains("deployed anyway", swallowed);
        WorkflowRun kept = buildAs(j, job(j, "example-deploy", "catchError { withReleaseGate(product: 'checkout', "
                + "stage: 'production') { echo 'deployed inside' } }"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, kept);
        j.assertLogNotContains("deployed inside", kept);
    }

    @Test
    public void twoRcBuildsAtOnceExactlyOnePasses() throws Exception {
        configure(checkout());
        WorkflowJob p = job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'\nsemaphore 'deploy'");
        p.setConcurrentBuild(true);
        // Both are scheduled before either starts, so their looks race for the ledger. Distinct keeps the queue
        // from folding the second request into the first.
        User.getById("alice", true);
        User.getById("bob", true);
        QueueTaskFuture<WorkflowRun> fa = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("alice")),
                new Distinct());
        QueueTaskFuture<WorkflowRun> fb = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("bob")),
                new Distinct());
        assertNotNull("both builds are queued", fb);
        WorkflowRun a = fa.waitForStart();
        WorkflowRun b = fb.waitForStart();
        j.waitForMessage("Release Gate: release candidate of checkout is", a);
        j.waitForMessage("Release Gate: release candidate of checkout is", b);
        WorkflowRun passed = JenkinsRule.getLog(a).contains("is ALLOWED") ? a : b;
        WorkflowRun blocked = passed == a ? b : a;
        j.assertBuildStatus(Result.NOT_BUILT, j.waitForCompletion(blocked));
        // Only the build that passed reaches the semaphore: its id is deploy/1, whichever build it is.
        SemaphoreStep.waitForStart("deploy/1", passed);
        SemaphoreStep.success("deploy/1", null);
        j.assertBuildStatusSuccess(j.waitForCompletion(passed));
        assertEquals(1, LedgerStore.get().read(l -> l.snapshot("checkout").candidates().size()).intValue());
    }

    @Test
    public void waitingRcPassesWhenTheRcInFlightIsRejected() throws Exception {
        secure();
        configure(checkout());
        WorkflowRun first = buildAs(j, job(j, RC_JOB, RC), "alice");
        WorkflowRun waiting = startAs(job(j, "example-waiting-rc", "releaseGate product: 'checkout', stage: 'rc', "
                + "wait: true"), "bob");
        j.waitForMessage("Release Gate: waiting at the gate", waiting);
        JenkinsRule.WebClient carol = j.createWebClient();
        carol.login("carol");
        WebRequest reject = new WebRequest(carol.createCrumbedUrl(first.getUrl() + "release-candidate/reject"),
                HttpMethod.POST);
        reject.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("reason", "totals wrong"),
                new org.htmlunit.util.NameValuePair("nextSteps", "fix in the next RC")));
        carol.getPage(reject);
        assertEquals(RcState.REJECTED, state(first));
        j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
        assertEquals(RcState.IN_FLIGHT, state(waiting));
    }

    @Test
    public void failedRcFreesTheProduct() throws Exception {
        configure(checkout());
        WorkflowRun failed = buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'\nerror 'boom'"),
                "alice");
        j.assertBuildStatus(Result.FAILURE, failed);
        assertEquals(RcState.FAILED, state(failed));
        j.assertBuildStatusSuccess(buildAs(j, job(j, "example-next-rc", RC), "bob"));
    }

    @Test
    public void ledgerIsRebuiltFromHistoryAfterItsFileIsDeleted() throws Exception {
        configure(checkout());
        buildAs(j, job(j, RC_JOB, RC), "alice");
        File file = new File(new File(j.jenkins.getRootDir(), "release-gate"), "ledger.xml");
        assertTrue(file.delete());
        LedgerStore.get().reload();
        assertTrue(LedgerStore.get().read(l -> l.snapshot("checkout").candidates().isEmpty()));
        LedgerReconciler.reconcile();
        assertEquals(List.of(new BuildRef(RC_JOB, 1)), LedgerStore.get().read(l -> l.snapshot("checkout").open())
                .stream().map(rc -> rc.getBuild()).toList());
        j.assertBuildStatus(Result.NOT_BUILT, buildAs(j, j.jenkins.getItemByFullName(RC_JOB, WorkflowJob.class), "bob"));
    }

    @Test
    public void restApiShowsTheReleaseManager() throws Exception {
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, RC_JOB, RC), "alice");
        String json = j.createWebClient().goTo(b.getUrl() + "api/json?tree=actions[product,state,releaseManager[id,"
                + "displayName,source]]", "application/json").getWebResponse().getContentAsString();
        assertTrue(json, json.contains("\"product\":\"checkout\""));
        assertTrue(json, json.contains("\"state\":\"IN_FLIGHT\""));
        assertTrue(json, json.contains("\"id\":\"alice\""));
        assertTrue(json, json.contains("\"source\":\"USER\""));
    }

    @Test
    public void rejectAndHandOverRefuseUsersWithoutPermission() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice")
                .grant(Jenkins.READ, Item.READ).everywhere().to("eve"));
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, RC_JOB, RC), "alice");
        JenkinsRule.WebClient eve = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        eve.login("eve");
        for (String method : List.of("reject", "handOver")) {
            Page page = eve.getPage(new WebRequest(eve.createCrumbedUrl(b.getUrl() + "release-candidate/" + method),
                    HttpMethod.POST));
            assertEquals(method, 403, page.getWebResponse().getStatusCode());
        }
        assertEquals(RcState.IN_FLIGHT, state(b));
        Page get = eve.getPage(new WebRequest(new java.net.URL(j.getURL(), b.getUrl() + "release-candidate/reject")));
        assertEquals("state changes are POST only", 405, get.getWebResponse().getStatusCode());
    }

    @Test
    public void handOverByTheReleaseManager() throws Exception {
        secure();
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, RC_JOB, RC), "alice");
        User.getById("carol", true);
        JenkinsRule.WebClient alice = j.createWebClient();
        alice.login("alice");
        WebRequest handOver = new WebRequest(alice.createCrumbedUrl(b.getUrl() + "release-candidate/handOver"),
                HttpMethod.POST);
        handOver.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("userId", "carol")));
        alice.getPage(handOver);
        assertEquals("carol", b.getAction(ReleaseCandidateAction.class).getReleaseManager().getId());
        assertEquals("HANDED_OVER", b.getAction(ReleaseCandidateAction.class).getReleaseManager().getSource());
    }

    @Test
    public void dryRunChangesNothing() throws Exception {
        configure(checkout());
        buildAs(j, job(j, RC_JOB, RC), "alice");
        WorkflowRun dry = buildAs(j, job(j, "example-dry-run", "def g = releaseGate product: 'checkout', stage: 'rc', "
                + "dryRun: true\necho \"decision=${g.decision}\""), "bob");
        j.assertBuildStatusSuccess(dry);
        j.assertLogContains("decision=BLOCKED", dry);
        assertNull(dry.getAction(ReleaseCandidateAction.class));
        assertEquals(1, LedgerStore.get().read(l -> l.snapshot("checkout").candidates().size()).intValue());
    }

    @Test
    public void badParametersFailWithTheFix() throws Exception {
        configure(checkout());
        WorkflowRun unknown = buildAs(j, job(j, RC_JOB, "releaseGate product: 'cart', stage: 'rc'"), "alice");
        j.assertBuildStatus(Result.FAILURE, unknown);
        j.assertLogContains("Unknown product \"cart\": the policy defines checkout", unknown);
        j.assertLogNotContains("\tat ", unknown);
        WorkflowRun badStage = buildAs(j, job(j, "example-bad-stage", "releaseGate product: 'checkout', stage: 'qa'"),
                "alice");
        j.assertLogContains("stage: unknown value \"qa\"; use one of RC, PRODUCTION", badStage);
        WorkflowRun noReason = buildAs(j, job(j, "example-no-reason", "releaseGate product: 'checkout', stage: 'rc', "
                + "urgency: 'PRODUCTION_DOWN'"), "alice");
        j.assertLogContains("urgency PRODUCTION_DOWN needs a reason", noReason);
        WorkflowRun unbound = buildAs(j, job(j, "search-rc", "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, unbound);
        j.assertLogContains("job search-rc is not bound to checkout", unbound);
    }

    /** Asks the queue to schedule a build even when one of the same job is already waiting. */
    private static final class Distinct extends InvisibleAction implements Queue.QueueAction {
        @Override
        public boolean shouldSchedule(List<Action> actions) {
            return true;
        }
    }
}
