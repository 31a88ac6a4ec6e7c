package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.ElementNotFoundException;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The RC's build page, role by role, as docs/admin-guide.md documents them. Alice triggered RC #1 and is its release
 * manager; she may read the job and nothing more. Bob is on the team (Job/Read, Job/Build). Leon leads releases (Job/Read
 * and Release Gate/Hold, no Job/Build). Dora only discovers the job. Each view shows Reject and Hand over exactly when
 * its web method accepts the click; refusals answer 403, state conflicts 409, an RC the gate does not know 404, and a
 * REST caller that accepts JSON gets JSON.
 */
public class BuildPageFormsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    private WorkflowRun rc;

    @Before
    public void setUp() throws Exception {
        configure(checkout());
        WorkflowJob rcJob = job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("alice", "bob", "leon", "dora")
                .grant(Item.READ).everywhere().to("alice", "bob", "leon")
                .grant(Item.BUILD).everywhere().to("bob")
                .grant(ReleaseGatePermissions.HOLD).onItems(rcJob).to("leon")
                .grant(Item.DISCOVER).everywhere().to("dora"));
        User.getById("carol", true);
        rc = buildAs(j, rcJob, "alice");
        j.assertBuildStatusSuccess(rc);
        assertEquals("alice", releaseManager());
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void theReleaseManagerHandsOverWithJobReadAlone() throws Exception {
        HtmlPage page = page("alice");
        assertThrows(ElementNotFoundException.class, () -> page.getFormByName("reject"));
        submitHandOver(page, "bob");
        assertEquals("bob", releaseManager());
    }

    @Test
    public void aLeadWithHoldHandsOverWithoutJobBuild() throws Exception {
        HtmlPage page = page("leon");
        assertThrows(ElementNotFoundException.class, () -> page.getFormByName("reject"));
        submitHandOver(page, "carol");
        assertEquals("carol", releaseManager());
    }

    @Test
    public void aTeamMemberRejectsButMayNotHandOver() throws Exception {
        HtmlPage page = page("bob");
        assertThrows(ElementNotFoundException.class, () -> page.getFormByName("handOver"));
        WebResponse refused = post("bob", "handOver?userId=bob");
        assertEquals(403, refused.getStatusCode());
        assertTrue(json(refused).getString("message").contains("only its release manager (alice)"));
        assertEquals("alice", releaseManager());

        HtmlForm reject = page.getFormByName("reject");
        reject.getInputByName("reason").setValue("totals wrong");
        reject.getTextAreaByName("nextSteps").setText("fix in the next RC");
        j.submit(reject);
        assertEquals("REJECTED", rc.getAction(ReleaseCandidateAction.class).getState());
        HtmlPage closed = page("bob");
        assertThrows(ElementNotFoundException.class, () -> closed.getFormByName("reject"));
    }

    @Test
    public void stateConflictsAnswer409InJson() throws Exception {
        assertEquals(200, post("bob", "reject?reason=totals+wrong&nextSteps=fix+it").getStatusCode());
        WebResponse again = post("bob", "reject?reason=again&nextSteps=none");
        assertEquals(409, again.getStatusCode());
        assertEquals(409, json(again).getInt("status"));

        WebResponse self = post("alice", "handOver?userId=alice");
        assertEquals(409, self.getStatusCode()); // closed since; and had it been open, already the release manager
    }

    @Test
    public void handingOverToTheReleaseManagerIsAConflict() throws Exception {
        WebResponse self = post("leon", "handOver?userId=alice");
        assertEquals(409, self.getStatusCode());
        assertEquals("alice is already the release manager of " + RC_JOB + "#1.", json(self).getString("message"));
        assertEquals(400, post("leon", "handOver?userId=nobody-here").getStatusCode());
    }

    @Test
    public void anRcOfAProductNoLongerConfiguredIsNotFound() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of());
        assertEquals(404, post("bob", "reject?reason=x&nextSteps=y").getStatusCode());
        assertEquals(404, post("leon", "handOver?userId=carol").getStatusCode());
    }

    @Test
    public void discoverWithoutReadSeesNoBuildPageAndCannotAct() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("dora");
        WebResponse page = wc.goTo(rc.getUrl()).getWebResponse();
        assertNotEquals(200, page.getStatusCode());
        assertFalse(page.getContentAsString().contains("Hand over release management"));
        assertNotEquals(200, post("dora", "handOver?userId=dora").getStatusCode());
        assertEquals("alice", releaseManager());
    }

    /** The badge in build history: an icon and the release manager's short name, the state in the tooltip. */
    @Test
    public void theBadgeShowsTheReleaseManager() throws Exception {
        String history = j.createWebClient().login("bob").goTo(rc.getParent().getUrl() + "buildHistory/ajax", null)
                .getWebResponse().getContentAsString();
        assertTrue(history, history.contains("RC \u00b7 alice"));
        assertTrue(history, history.contains("Release candidate of checkout: IN_FLIGHT; release manager alice"));
    }

    private String releaseManager() {
        return rc.getAction(ReleaseCandidateAction.class).getReleaseManager().getId();
    }

    private HtmlPage page(String user) throws Exception {
        return j.createWebClient().login(user).getPage(rc);
    }

    private void submitHandOver(HtmlPage page, String to) throws Exception {
        HtmlForm form = page.getFormByName("handOver");
        form.getInputByName("userId").setValue(to);
        j.submit(form);
    }

    /** A REST call to the RC mark's web method, accepting JSON; failures are returned, not thrown. */
    private WebResponse post(String user, String method) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(wc.createCrumbedUrl(rc.getUrl() + "release-candidate/" + method),
                HttpMethod.POST);
        request.setAdditionalHeader("Accept", "application/json");
        return wc.getPage(request).getWebResponse();
    }

    private static JSONObject json(WebResponse response) {
        assertTrue(response.getContentType(), response.getContentType().contains("json"));
        return JSONObject.fromObject(response.getContentAsString());
    }
}
