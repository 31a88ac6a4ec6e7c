package io.jenkins.plugins.releasegate.status;

import static io.jenkins.plugins.releasegate.status.Gate.hold;
import static io.jenkins.plugins.releasegate.status.Gate.holds;
import static io.jenkins.plugins.releasegate.status.Gate.onlyHold;
import static io.jenkins.plugins.releasegate.status.Gate.product;
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
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateMode;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * The status page and its JSON, on a Friday morning when {@code checkout} (Mon-Thu 08:00-16:00 New York) is closed:
 * RC #41 in flight since Thursday, #42 waiting behind it, and a hold.
 */
public class ReleaseStatusPageTest {
    /** Thursday 2026-11-26 10:00 EST. */
    private static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    /** Friday 2026-11-27 10:00 EST. */
    private static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");
    private static final Person ALICE = Person.user("alice", "Alice Archer");
    private static final String SCRIPT = "<img src=x onerror=alert(1)>";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() throws Exception {
        // The jobs exist: a build shows only to readers of its job (Item/Read), and nobody reads a job that is not there.
        MockFolder folder = j.createFolder("checkout");
        folder.createProject(FreeStyleProject.class, "release-candidate");
        folder.createProject(FreeStyleProject.class, "deploy-production");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("alice")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        GateClock.set(Clock.fixed(FRIDAY_10AM, ZoneOffset.UTC));
        Gate.configure(product("checkout", "checkout/release-candidate, checkout/deploy-production"));
        ProductPolicy checkout = ReleaseGateConfiguration.get().product("checkout");
        LedgerStore.get().change(l -> l.gate(checkout, rc(41), THURSDAY_10AM, GateMode.ONCE));
        LedgerStore.get().change(l -> l.gate(checkout, rc(42), FRIDAY_10AM, GateMode.WAIT));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void theJsonSaysWhereEachProductStands() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("alice");
        hold(wc, "checkout", "Waiting for the DB migration");

        JSONObject json = JSONObject.fromObject(wc.goTo("release-gate/api/json", "application/json")
                .getWebResponse().getContentAsString());
        JSONArray products = json.getJSONArray("products");
        assertEquals(1, products.size());
        JSONObject p = products.getJSONObject(0);
        assertEquals("checkout", p.getString("name"));
        assertFalse(p.getBoolean("open"));
        assertEquals("2026-11-30T13:00:00Z", p.getString("nextOpening")); // Monday 08:00 EST
        assertEquals("null", String.valueOf(p.opt("windowClosesAt")));

        JSONObject rc = p.getJSONObject("rcInFlight");
        assertEquals("checkout/release-candidate#41", rc.getString("build"));
        assertEquals("Alice Archer", rc.getString("releaseManager"));
        assertEquals("RUNNING", rc.getString("state"));
        assertEquals("2026-11-26T15:00:00Z", rc.getString("startedAt"));

        JSONArray queue = p.getJSONArray("queue");
        assertEquals(1, queue.size());
        assertEquals("checkout/release-candidate#42", queue.getJSONObject(0).getString("build"));

        JSONObject hold = p.getJSONArray("holds").getJSONObject(0);
        assertEquals(onlyHold().id(), hold.getString("id"));
        assertEquals("alice", hold.getString("author"));
        assertEquals("Waiting for the DB migration", hold.getString("reason"));
        assertEquals("2026-11-27T15:00:00Z", hold.getString("placedAt"));
        assertEquals("null", String.valueOf(hold.opt("expiresAt")));

        JSONArray recent = p.getJSONArray("recent");
        assertEquals(List.of("HOLD_PLACED", "QUEUED", "RC_STARTED"),
                List.of(recent.getJSONObject(0).getString("action"), recent.getJSONObject(1).getString("action"),
                        recent.getJSONObject(2).getString("action")));
    }

    @Test
    public void thePageShowsTheSameWithUserTextEscaped() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("alice");
        hold(wc, "checkout", SCRIPT);
        HtmlPage page = wc.goTo("release-gate/");
        String html = page.getWebResponse().getContentAsString();
        String text = page.asNormalizedText();
        assertTrue(text, text.contains("Production is closed now (outside the production windows); it next opens "
                + "Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC)."));
        assertTrue(text, text.contains("checkout/release-candidate#41"));
        assertTrue(text, text.contains("checkout/release-candidate#42"));
        assertTrue(text, text.contains("Alice Archer"));
        assertTrue(text, text.contains(SCRIPT));
        assertFalse(html, html.contains(SCRIPT));
        assertTrue(html, html.contains("&lt;img src=x onerror=alert(1)"));
        // The week picture: Monday-Thursday open in New York, the tooltips name the day and hours.
        assertTrue(html, html.contains("Open Mon 30 Nov 08:00-16:00"));
    }

    @Test
    public void theWeekCanBeShownInTheViewersZone() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("reader");
        String html = wc.goTo("release-gate/?zone=Europe/Berlin").getWebResponse().getContentAsString();
        assertTrue(html, html.contains("Open Mon 30 Nov 14:00-22:00")); // 08:00-16:00 EST in Berlin
        String refused = wc.goTo("release-gate/?zone=EST").getWebResponse().getContentAsString();
        assertTrue(refused, refused.contains("is an abbreviation"));
    }

    @Test
    public void holdsArePlacedAndLiftedFromThePage() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("alice");
        HtmlPage page = wc.goTo("release-gate/");
        HtmlForm place = page.getFormByName("hold-checkout");
        place.getInputByName("reason").setValue("Waiting for QA");
        place.getInputByName("expires").setValue("2h");
        page = j.submit(place);
        assertEquals("Waiting for QA", onlyHold().reason());
        assertTrue(page.asNormalizedText(), page.asNormalizedText().contains("Waiting for QA"));

        j.submit(page.getFormByName("lift-checkout-" + onlyHold().id()));
        assertEquals(List.of(), holds());
    }

    @Test
    public void readersSeeTheStateButNoHoldForms() throws Exception {
        String html = j.createWebClient().login("reader").goTo("release-gate/").getWebResponse().getContentAsString();
        assertTrue(html, html.contains("checkout/release-candidate#41"));
        assertFalse(html, html.contains("name=\"hold-checkout\""));
        assertFalse(html, html.contains("name=\"hold-every-product\""));
    }

    @Test
    public void withoutOverallReadThereIsNothingToSee() throws Exception {
        JenkinsRule.WebClient anonymous = j.createWebClient();
        anonymous.assertFails("release-gate/", 403);
        anonymous.assertFails("release-gate/api/json", 403);
    }

    private static GateRequest rc(int number) {
        return GateRequest.builder(Stage.RC).build(new BuildRef("checkout/release-candidate", number))
                .requester(ALICE).releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build();
    }
}
