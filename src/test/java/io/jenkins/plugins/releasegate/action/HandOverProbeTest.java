package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.After;
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
 * Hand-over refuses a caller who may not hand over before it looks at the user id they name: otherwise anyone who may
 * read the build learns which user ids exist (400 "No user" for the others).
 */
public class HandOverProbeTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aReaderWhoMayNotHandOverLearnsNothingAboutUserIds() throws Exception {
        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc");
        checkout.setProductionWindows("Mon-Sun 00:00-24:00");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        FreeStyleProject p = j.createFreeStyleProject("checkout-rc");
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        Person alice = Person.user("alice", "Alice Archer");
        GateRequest rc = GateRequest.builder(Stage.RC).build(new BuildRef("checkout-rc", b.getNumber()))
                .requester(alice).releaseManager(ReleaseManager.of(alice, ReleaseManager.Source.USER)).build();
        ReleaseEventListener.publish(LedgerStore.get().change(l -> l.gate(ReleaseGateConfiguration.get()
                .product("checkout"), rc, GateClock.now(), GateMode.ONCE).events()), null);
        assertEquals("alice", b.getAction(ReleaseCandidateAction.class).getReleaseManager().getId());

        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("rita"));
        User.getById("carol", true);

        WebResponse existing = handOver(b, "rita", "carol");
        WebResponse missing = handOver(b, "rita", "nobody-here");
        assertEquals(403, existing.getStatusCode());
        assertEquals(403, missing.getStatusCode());
        assertTrue(missing.getContentAsString(), missing.getContentAsString().contains("may not hand over"));
        assertEquals("alice", b.getAction(ReleaseCandidateAction.class).getReleaseManager().getId());
    }

    private WebResponse handOver(FreeStyleBuild b, String user, String to) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(wc.createCrumbedUrl(b.getUrl() + "release-candidate/handOver?userId="
                + to), HttpMethod.POST);
        request.setAdditionalHeader("Accept", "application/json");
        return wc.getPage(request).getWebResponse();
    }
}
