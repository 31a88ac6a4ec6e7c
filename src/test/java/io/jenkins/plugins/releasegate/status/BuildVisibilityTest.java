package io.jenkins.plugins.releasegate.status;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateMode;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * The status page and {@code /release-gate/api/json} show an RC, a queued build or an audit line only to users with
 * Item/Read on its job. Dora reads the {@code checkout} jobs; on {@code billing-rc} she has Discover only (the usual
 * anonymous setup), so billing's RC #7 and its waiting #8 stay hidden from her, by name and by link.
 */
public class BuildVisibilityTest {
    private static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() throws Exception {
        FreeStyleProject checkoutRc = j.createFreeStyleProject("checkout-rc");
        FreeStyleProject billingRc = j.createFreeStyleProject("billing-rc");
        FreeStyleProject searchRc = j.createFreeStyleProject("search-rc");
        j.createFreeStyleProject("search-hotfix");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("alice")
                .grant(Jenkins.READ).onRoot().to("dora")
                .grant(Item.READ).onItems(checkoutRc, searchRc).to("dora")
                .grant(Item.DISCOVER).onItems(billingRc).to("dora"));
        GateClock.set(Clock.fixed(THURSDAY_10AM, ZoneOffset.UTC));
        Gate.configure(Gate.product("checkout", "checkout-rc"), Gate.product("billing", "billing-rc"),
                Gate.product("search", "search-rc, search-hotfix"));
        ProductPolicy checkout = ReleaseGateConfiguration.get().product("checkout");
        ProductPolicy billing = ReleaseGateConfiguration.get().product("billing");
        LedgerStore.get().change(l -> l.gate(checkout, rc("checkout-rc", 41), THURSDAY_10AM, GateMode.ONCE));
        LedgerStore.get().change(l -> l.gate(billing, rc("billing-rc", 7), THURSDAY_10AM, GateMode.ONCE));
        LedgerStore.get().change(l -> l.gate(billing, rc("billing-rc", 8), THURSDAY_10AM, GateMode.WAIT));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void theJsonShowsOnlyBuildsOfJobsTheUserMayRead() throws Exception {
        JSONObject checkout = product(json("dora"), "checkout");
        assertEquals("checkout-rc#41", checkout.getJSONObject("rcInFlight").getString("build"));
        assertTrue(checkout.toString(), checkout.getJSONArray("recent").toString().contains("checkout-rc#41"));

        JSONObject billing = product(json("dora"), "billing");
        assertTrue(billing.toString(), billing.get("rcInFlight") == null
                || billing.get("rcInFlight") instanceof net.sf.json.JSONNull);
        assertEquals(0, billing.getJSONArray("queue").size());
        assertEquals(0, billing.getJSONArray("recent").size());
        assertFalse(billing.toString(), billing.toString().contains("billing-rc"));
    }

    /**
     * Dora reads search-rc, not search-hotfix, whose RC #3 is in flight: #5 of search-rc waits behind it. Its audit line
     * is hers to read, but core's words name the hotfix build and its release manager: they are withheld from her.
     */
    @Test
    public void anAuditLineNamingAHiddenBuildWithholdsItsDetail() throws Exception {
        ProductPolicy search = ReleaseGateConfiguration.get().product("search");
        LedgerStore.get().change(l -> l.gate(search, rc("search-hotfix", 3), THURSDAY_10AM, GateMode.ONCE));
        LedgerStore.get().change(l -> l.gate(search, rc("search-rc", 5), THURSDAY_10AM, GateMode.WAIT));

        JSONObject forAlice = product(json("alice"), "search");
        assertTrue(forAlice.toString(), forAlice.getJSONArray("recent").toString().contains("search-hotfix#3"));

        JSONObject forDora = product(json("dora"), "search");
        JSONArray recent = forDora.getJSONArray("recent");
        assertEquals(recent.toString(), 1, recent.size());
        assertEquals("search-rc#5", recent.getJSONObject(0).getString("subject"));
        assertEquals("(names a build of a job you may not read)", recent.getJSONObject(0).getString("detail"));
        assertFalse(forDora.toString(), forDora.toString().contains("search-hotfix"));

        String page = j.createWebClient().login("dora").goTo("release-gate/").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("search-rc#5"));
        assertFalse(page, page.contains("search-hotfix"));
    }

    @Test
    public void administratorsStillSeeEveryBuild() throws Exception {
        JSONObject billing = product(json("alice"), "billing");
        assertEquals("billing-rc#7", billing.getJSONObject("rcInFlight").getString("build"));
        assertEquals("billing-rc#8", billing.getJSONArray("queue").getJSONObject(0).getString("build"));
        assertTrue(billing.getJSONArray("recent").size() >= 2);
    }

    @Test
    public void thePageNamesNoHiddenBuildAndSaysAnRcIsOpen() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("dora");
        String page = wc.goTo("release-gate/").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("checkout-rc#41"));
        assertFalse(page, page.contains("billing-rc"));
        assertTrue(page, page.contains("A release candidate of a job you may not read is open."));
    }

    private JSONObject json(String user) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        return JSONObject.fromObject(wc.goTo("release-gate/api/json", "application/json").getWebResponse()
                .getContentAsString());
    }

    private static JSONObject product(JSONObject json, String name) {
        JSONArray products = json.getJSONArray("products");
        for (int i = 0; i < products.size(); i++) {
            if (name.equals(products.getJSONObject(i).getString("name"))) {
                return products.getJSONObject(i);
            }
        }
        throw new AssertionError("no product " + name + " in " + json);
    }

    private static GateRequest rc(String job, int number) {
        return GateRequest.builder(Stage.RC).build(new BuildRef(job, number))
                .requester(ALICE).releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build();
    }
}
