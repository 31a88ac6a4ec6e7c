package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.util.OneShotEvent;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import java.util.EnumSet;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestBuilder;
import org.releasegate.decision.Stage;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/**
 * The Approve button on the build page approves the request it is shown for. A step call that waited at the gate asks
 * anew when it needs more lifted (a freeze began meanwhile): both requests are on the build, and Stapler routes a URL
 * to the first action of that name, so each request needs a URL of its own.
 */
public class ApprovalPageTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void aWiderRequestOfTheSameStepCallIsApprovedAtItsOwnUrl() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, ReleaseGatePermissions.OVERRIDE).everywhere().to("olga"));
        OneShotEvent finish = new OneShotEvent();
        FreeStyleProject p = j.createFreeStyleProject("checkout-deploy");
        p.getBuildersList().add(new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                    throws InterruptedException {
                finish.block(); // the build waits, as it would at the gate
                return true;
            }
        });
        FreeStyleBuild b = p.scheduleBuild2(0).waitForStart();
        try {
            ApprovalAction window = request(EnumSet.of(Lift.WINDOW));
            b.addAction(window);
            assertEquals(200, approve(b, window).getStatusCode());

            ApprovalAction wider = request(EnumSet.of(Lift.WINDOW, Lift.FREEZE));
            b.addAction(wider);
            assertNotEquals(window.getUrlName(), wider.getUrlName());
            assertEquals("release-gate-approval-7", window.getUrlName()); // the first keeps its URL
            assertNull(wider.getApprovedBy());

            HtmlPage page = j.createWebClient().login("olga").getPage(b);
            HtmlForm form = page.getFormByName(wider.getUrlName());
            j.submit(form, "Submit"); // this form's own button (j.submit(form) clicks the page's first submit button)
            assertNotNull(wider.getApprovedBy());
            assertEquals("olga", wider.getApprovedBy().getId());
            assertEquals(EnumSet.of(Lift.WINDOW, Lift.FREEZE), wider.approval().lifts());
        } finally {
            finish.signal();
            j.waitForCompletion(b);
        }
    }

    private static ApprovalAction request(EnumSet<Lift> lifts) {
        return new ApprovalAction("checkout", Stage.PRODUCTION, UrgencyCategory.PRODUCTION_DOWN, lifts,
                "payments are down", null, "7");
    }

    private WebResponse approve(FreeStyleBuild b, ApprovalAction a) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("olga");
        WebRequest request = new WebRequest(wc.createCrumbedUrl(b.getUrl() + a.getUrlName() + "/approve"),
                HttpMethod.POST);
        request.setAdditionalHeader("Accept", "application/json");
        return wc.getPage(request).getWebResponse();
    }
}
