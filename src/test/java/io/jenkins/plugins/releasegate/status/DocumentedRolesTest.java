package io.jenkins.plugins.releasegate.status;

import static io.jenkins.plugins.releasegate.status.Gate.enc;
import static io.jenkins.plugins.releasegate.status.Gate.onlyHold;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;

/**
 * The roles of docs/admin-guide.md ("One product, one folder"), one test each, against the status page's hold
 * methods. {@code checkout}'s jobs live in the folder {@code checkout}; Tina is on checkout-team (Job/Read and Job/Build
 * on the folder), Leon on checkout-leads (Hold and Override on the folder, no Job/Read: holds do not need it), Rhea
 * among the global release-managers (Hold on Jenkins), and Otto has Overall/Read only.
 */
public class DocumentedRolesTest {
    private static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() throws Exception {
        MockFolder checkout = j.createFolder("checkout");
        checkout.createProject(FreeStyleProject.class, "release-candidate");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("tina", "leon", "rhea", "otto")
                .grant(Item.READ, Item.BUILD).onFolders(checkout).to("tina")
                .grant(ReleaseGatePermissions.HOLD, ReleaseGatePermissions.OVERRIDE).onFolders(checkout).to("leon")
                .grant(ReleaseGatePermissions.HOLD).onRoot().to("rhea"));
        GateClock.set(Clock.fixed(FRIDAY_10AM, ZoneOffset.UTC));
        Gate.configure(Gate.product("checkout", "checkout/release-candidate"));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aTeamMemberHoldsTheProductAndGetsTheHoldsId() throws Exception {
        WebResponse placed = post("tina", "hold?product=checkout&reason=" + enc("QA still testing"));
        assertEquals(200, placed.getStatusCode());
        assertEquals(onlyHold().id(), JSONObject.fromObject(placed.getContentAsString()).getString("id"));
        assertEquals("tina", onlyHold().author().userId().orElseThrow());
    }

    @Test
    public void aTeamMemberMayNotLiftSomeoneElsesHold() throws Exception {
        post("leon", "hold?product=checkout&reason=" + enc("DB migration"));
        WebResponse refused = post("tina", "lift?id=" + onlyHold().id());
        assertEquals(403, refused.getStatusCode());
        assertEquals(403, JSONObject.fromObject(refused.getContentAsString()).getInt("status"));
    }

    /** Hold on the folder is enough: the product's jobs are found as SYSTEM, Leon needs no Job/Read for holds. */
    @Test
    public void aLeadWithoutJobReadLiftsAnyonesHoldOnTheProduct() throws Exception {
        post("tina", "hold?product=checkout&reason=" + enc("QA still testing"));
        String page = j.createWebClient().login("leon").goTo("release-gate/").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("name=\"lift-checkout-" + onlyHold().id() + "\""));
        assertEquals(200, post("leon", "lift?id=" + onlyHold().id()).getStatusCode());
        assertTrue(Gate.holds().isEmpty());
    }

    @Test
    public void aLeadOfOneProductMayNotHoldEveryProduct() throws Exception {
        assertEquals(403, post("leon", "hold?allProducts=true&reason=" + enc("freeze all")).getStatusCode());
        assertTrue(Gate.holds().isEmpty());
    }

    @Test
    public void aGlobalReleaseManagerHoldsEveryProduct() throws Exception {
        WebResponse placed = post("rhea", "hold?allProducts=true&reason=" + enc("incident"));
        assertEquals(200, placed.getStatusCode());
        assertTrue(onlyHold().isOnEveryProduct());
    }

    @Test
    public void overallReadAloneMayNotHoldAndIsToldWhy() throws Exception {
        WebResponse refused = post("otto", "hold?product=checkout&reason=" + enc("mine"));
        assertEquals(403, refused.getStatusCode());
        String message = JSONObject.fromObject(refused.getContentAsString()).getString("message");
        assertTrue(message, message.contains("none you can see")); // names no job Otto may not read
        assertFalse(message, message.contains("checkout/release-candidate"));
        assertTrue(Gate.holds().isEmpty());
    }

    /** A REST call to the status page accepting JSON; failures are returned, not thrown. */
    private WebResponse post(String user, String path) throws IOException, Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(wc.createCrumbedUrl("release-gate/" + path), HttpMethod.POST);
        request.setAdditionalHeader("Accept", "application/json");
        return wc.getPage(request).getWebResponse();
    }
}
