package io.jenkins.plugins.releasegate.status;

import static io.jenkins.plugins.releasegate.status.Gate.hold;
import static io.jenkins.plugins.releasegate.status.Gate.holdEveryProduct;
import static io.jenkins.plugins.releasegate.status.Gate.holds;
import static io.jenkins.plugins.releasegate.status.Gate.lift;
import static io.jenkins.plugins.releasegate.status.Gate.onlyHold;
import static io.jenkins.plugins.releasegate.status.Gate.product;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.AuditEntry;

/**
 * Who may place and lift holds, over HTTP as the page and REST callers do. {@code checkout} is released by
 * {@code checkout-rc}, {@code search} by {@code search-*}.
 */
public class HoldPermissionsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        WorkflowJob checkoutRc = j.createProject(WorkflowJob.class, "checkout-rc");
        WorkflowJob searchMain = j.createProject(WorkflowJob.class, "search-main");
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("dev", "searcher", "lead", "checkoutLead")
                .grant(Item.READ, Item.BUILD).onItems(checkoutRc).to("dev")
                .grant(Item.READ, Item.BUILD).onItems(searchMain).to("searcher")
                .grant(ReleaseGatePermissions.HOLD).everywhere().to("lead")
                // What a folder per product grants with Matrix Authorization: Hold on that product's jobs only.
                .grant(Item.READ, ReleaseGatePermissions.HOLD).onItems(checkoutRc).to("checkoutLead"));
        Gate.configure(product("checkout", "checkout-rc, checkout-deploy"), product("search", "search-*"));
    }

    @Test
    public void whoMayBuildOneOfItsJobsMayHoldTheProduct() throws Exception {
        WebResponse rsp = hold(j.createWebClient().login("dev"), "checkout", "Waiting for the DB migration");
        assertEquals(rsp.getContentAsString(), 200, rsp.getStatusCode());
        Hold hold = onlyHold();
        assertEquals(Optional.of("checkout"), hold.product());
        assertEquals(Optional.of("dev"), hold.author().userId());
        assertEquals("Waiting for the DB migration", hold.reason());
        assertEquals(Optional.empty(), hold.expiresAt());
    }

    @Test
    public void withoutBuildOnABoundJobTheHoldIsRefusedInWords() throws Exception {
        WebResponse rsp = hold(j.createWebClient().login("searcher"), "checkout", "not my product");
        assertEquals(403, rsp.getStatusCode());
        assertRefusal(rsp, "searcher may not hold checkout");
        assertEquals(List.of(), holds());

        assertEquals(200, hold(j.createWebClient().login("searcher"), "search", "mine").getStatusCode());
    }

    @Test
    public void liftingSomeoneElsesHoldNeedsHold() throws Exception {
        hold(j.createWebClient().login("dev"), "checkout", "Waiting for QA");
        String id = onlyHold().id();

        WebResponse refused = lift(j.createWebClient().login("searcher"), id);
        assertEquals(403, refused.getStatusCode());
        assertRefusal(refused, "searcher may not lift the hold by dev");
        assertEquals(1, holds().size());

        assertEquals(200, lift(j.createWebClient().login("lead"), id).getStatusCode());
        assertEquals(List.of(), holds());
        AuditEntry last = lastAudit("checkout");
        assertEquals(AuditEntry.Action.HOLD_LIFTED, last.action());
        assertEquals(Optional.of("lead"), last.actor().flatMap(p -> p.userId()));
    }

    @Test
    public void theAuthorLiftsTheirOwnHold() throws Exception {
        JenkinsRule.WebClient dev = j.createWebClient().login("dev");
        hold(dev, "checkout", "Waiting for QA");
        assertEquals(200, lift(dev, onlyHold().id()).getStatusCode());
        assertEquals(List.of(), holds());
    }

    @Test
    public void holdingEveryProductNeedsHoldOnJenkins() throws Exception {
        WebResponse refused = holdEveryProduct(j.createWebClient().login("dev"), "Company-wide freeze");
        assertEquals(403, refused.getStatusCode());
        assertRefusal(refused, "dev may not hold every product");
        assertEquals(List.of(), holds());

        assertEquals(200, holdEveryProduct(j.createWebClient().login("lead"), "Company-wide freeze").getStatusCode());
        assertTrue(onlyHold().isOnEveryProduct());
        assertEquals(1, LedgerStore.get().read(l -> l.snapshot("search").holds()).size());
        assertEquals(1, LedgerStore.get().read(l -> l.snapshot("checkout").holds()).size());
    }

    @Test
    public void holdOnAProductsJobsManagesThatProductsHoldsOnly() throws Exception {
        hold(j.createWebClient().login("dev"), "checkout", "checkout hold");
        hold(j.createWebClient().login("searcher"), "search", "search hold");
        String checkoutHold = holdOf("checkout").id();
        String searchHold = holdOf("search").id();
        JenkinsRule.WebClient checkoutLead = j.createWebClient().login("checkoutLead");

        assertEquals(200, lift(checkoutLead, checkoutHold).getStatusCode());
        WebResponse refused = lift(checkoutLead, searchHold);
        assertEquals(403, refused.getStatusCode());
        assertRefusal(refused, "checkoutLead may not lift the hold by searcher");
        assertEquals(403, holdEveryProduct(checkoutLead, "everything").getStatusCode());
        assertEquals(List.of(searchHold), holds().stream().map(Hold::id).toList());
    }

    @Test
    public void anUnknownHoldOrProductIsNotFound() throws Exception {
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        WebResponse noHold = lift(admin, "hold-99");
        assertEquals(404, noHold.getStatusCode());
        assertTrue(noHold.getContentAsString(), noHold.getContentAsString().contains("hold-99"));
        WebResponse noProduct = hold(admin, "billing", "x");
        assertEquals(404, noProduct.getStatusCode());
        assertTrue(noProduct.getContentAsString(), noProduct.getContentAsString().contains("Unknown product"));
    }

    @Test
    public void aHoldNeedsAReason() throws Exception {
        WebResponse rsp = hold(j.createWebClient().login("dev"), "checkout", " ");
        assertEquals(400, rsp.getStatusCode());
        assertRefusal(rsp, "A hold needs a reason");
    }

    @Test
    public void stateChangesArePostsWithACrumb() throws Exception {
        JenkinsRule.WebClient dev = j.createWebClient().login("dev");
        dev.assertFails("release-gate/hold?product=checkout&reason=get", 405);
        dev.setThrowExceptionOnFailingStatusCode(false);
        WebRequest noCrumb = new WebRequest(new URL(j.getURL(), "release-gate/hold?product=checkout&reason=forged"),
                HttpMethod.POST);
        assertEquals(403, dev.getPage(noCrumb).getWebResponse().getStatusCode());
        assertEquals(List.of(), holds());
    }

    @Test
    public void scriptsUseAnApiTokenInsteadOfACrumb() throws Exception {
        JenkinsRule.WebClient script = j.createWebClient().withBasicApiToken("dev");
        script.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(new URL(j.getURL(), "release-gate/hold?product=checkout&reason=from+CI"),
                HttpMethod.POST);
        assertEquals(200, script.getPage(post).getWebResponse().getStatusCode());
        assertEquals("from CI", onlyHold().reason());
    }

    /** The refused user reads why, not a stack trace. */
    private static void assertRefusal(WebResponse rsp, String words) {
        String body = rsp.getContentAsString();
        assertTrue(body, body.contains(words));
        assertFalse(body, body.contains("Exception"));
        assertFalse(body, body.contains("\tat "));
    }

    private static Hold holdOf(String product) {
        return holds().stream().filter(h -> h.product().equals(Optional.of(product))).findFirst().orElseThrow();
    }

    private static AuditEntry lastAudit(String product) {
        List<AuditEntry> audit = LedgerStore.get().read(l -> l.audit(product));
        return audit.get(audit.size() - 1);
    }
}
