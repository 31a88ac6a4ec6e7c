package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.FRIDAY_10AM;
import static io.jenkins.plugins.releasegate.step.GateTesting.at;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The Jenkinsfiles in docs/examples run as written. */
public class ExamplesTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static String example(String name) throws Exception {
        return Files.readString(new File("docs/examples/" + name).toPath(), StandardCharsets.UTF_8);
    }

    @Test
    public void rcThenProduction() throws Exception {
        configure(checkout());
        WorkflowRun rc = j.assertBuildStatusSuccess(buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice"));
        j.assertLogContains("Release manager of example-rc#1: alice", rc);
        WorkflowRun prod = buildAs(j, job(j, "example-production", example("production.Jenkinsfile")), "bob");
        j.assertBuildStatusSuccess(prod);
        j.assertLogContains("Promoted example-rc#1 (release manager alice)", prod);
        assertEquals("PROMOTED", rc.getAction(ReleaseCandidateAction.class).getState());
    }

    @Test
    public void rcAndProductionInOnePipeline() throws Exception {
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, "example-both", example("rc-and-production.Jenkinsfile")), "alice");
        j.assertBuildStatusSuccess(b);
        assertEquals("PROMOTED", b.getAction(ReleaseCandidateAction.class).getState());
    }

    @Test
    public void urgentProductionOutsideTheWindow() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, ReleaseGatePermissions.OVERRIDE).everywhere().to("alice"));
        configure(checkout());
        buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice");
        at(FRIDAY_10AM);
        WorkflowRun b = buildAs(j, job(j, "example-urgent", example("urgent-production.Jenkinsfile")), "alice");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("lifted the production window", b);
    }

    @Test
    public void productionInDeclarative() throws Exception {
        configure(checkout());
        WorkflowRun rc = buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice");
        WorkflowRun prod = buildAs(j, job(j, "example-production", example("production-declarative.Jenkinsfile")), "bob");
        j.assertBuildStatusSuccess(prod);
        j.assertLogContains("Deploying checkout to production", prod);
        assertEquals("PROMOTED", rc.getAction(ReleaseCandidateAction.class).getState());
        at(FRIDAY_10AM);
        WorkflowRun closed = buildAs(j, j.jenkins.getItemByFullName("example-production", WorkflowJob.class), "bob");
        j.assertBuildStatus(Result.NOT_BUILT, closed);
        j.assertLogNotContains("Deploying checkout to production", closed);
    }

    /** docs/user-guide.md's hotfix: an urgent RC supersedes the one in flight, then production waits for an approval. */
    @Test
    public void urgentHotfixFromRcToProduction() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice", "bob", "carol")
                .grant(ReleaseGatePermissions.OVERRIDE).everywhere().to("carol"));
        configure(checkout());
        WorkflowRun old = buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice");
        at(FRIDAY_10AM);

        WorkflowRun hotfix = buildAs(j, job(j, "example-hotfix-rc", example("hotfix-rc.Jenkinsfile")), "bob");
        j.assertBuildStatusSuccess(hotfix);
        j.assertLogContains("Supersedes release candidate example-rc#1", hotfix);
        assertEquals("SUPERSEDED", old.getAction(ReleaseCandidateAction.class).getState());

        // bob may not lift the window himself: the build waits for someone with Override to approve.
        WorkflowRun prod = startAs(job(j, "example-hotfix-production", example("hotfix-production.Jenkinsfile")), "bob");
        j.waitForMessage("needs approval by someone with the Override permission", prod);
        ApprovalAction approval = prod.getAction(ApprovalAction.class);
        assertNotNull(approval);
        JenkinsRule.WebClient carol = j.createWebClient();
        carol.login("carol");
        carol.getPage(new WebRequest(carol.createCrumbedUrl(prod.getUrl() + approval.getUrlName() + "/approve"),
                HttpMethod.POST));
        j.assertBuildStatusSuccess(j.waitForCompletion(prod));
        j.assertLogContains("approved by carol", prod);
        j.assertLogContains("Deploying the hotfix to production", prod);
        assertEquals("PROMOTED", hotfix.getAction(ReleaseCandidateAction.class).getState());
    }

    /** As docs/user-guide.md says: a timeout that ends a wait at the gate leaves the build ABORTED, and out of the queue. */
    @Test
    public void aTimeoutAroundAWaitingGateAbortsTheBuild() throws Exception {
        configure(checkout());
        buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice");
        WorkflowRun waited = buildAs(j, job(j, "example-second-rc", "timeout(time: 5, unit: 'SECONDS') {\n"
                + "    releaseGate product: 'checkout', stage: 'rc', wait: true\n}"), "bob");
        j.assertBuildStatus(Result.ABORTED, waited);
        j.assertLogContains("Timeout has been exceeded", waited);
        assertEquals(List.of(), LedgerStore.get().read(l -> l.snapshot("checkout").queue()));
    }
}
