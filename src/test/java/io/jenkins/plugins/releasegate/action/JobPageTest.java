package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
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
import org.releasegate.rc.BuildRef;

/**
 * jobMain.jelly on the page of a job bound to {@code checkout}: the product's RC in flight, for those who may read its
 * job. Dora reads {@code checkout-deploy} and only discovers {@code checkout-rc}, where RC #41 is in flight.
 */
public class JobPageTest {
    private static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() throws Exception {
        FreeStyleProject rcJob = j.createFreeStyleProject("checkout-rc");
        FreeStyleProject deployJob = j.createFreeStyleProject("checkout-deploy");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ).onRoot().to("dora")
                .grant(Item.READ).onItems(deployJob).to("dora")
                .grant(Item.DISCOVER).onItems(rcJob).to("dora"));
        GateClock.set(Clock.fixed(THURSDAY_10AM, ZoneOffset.UTC));
        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc, checkout-deploy");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        GateRequest rc = GateRequest.builder(Stage.RC).build(new BuildRef("checkout-rc", 41)).requester(ALICE)
                .releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build();
        LedgerStore.get().change(l -> l.gate(ReleaseGateConfiguration.get().product("checkout"), rc, THURSDAY_10AM,
                GateMode.ONCE));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aReaderOfTheRcJobSeesTheRcOnASiblingJobsPage() throws Exception {
        WebResponse page = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader")
                .goTo("job/checkout-deploy/").getWebResponse();
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getContentAsString(), page.getContentAsString().contains("Release candidate of checkout"));
        assertTrue(page.getContentAsString(), page.getContentAsString().contains("Alice Archer"));
    }

    /** Jenkins.getItem throws AccessDeniedException for Discover without Read; the page must not fail with it. */
    @Test
    public void discoverWithoutReadOnTheRcJobNeitherFailsThePageNorShowsTheRc() throws Exception {
        WebResponse page = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("dora")
                .goTo("job/checkout-deploy/").getWebResponse();
        assertEquals(page.getContentAsString(), 200, page.getStatusCode());
        assertFalse(page.getContentAsString(), page.getContentAsString().contains("Release candidate of checkout"));
        assertFalse(page.getContentAsString(), page.getContentAsString().contains("checkout-rc#41"));
    }
}
