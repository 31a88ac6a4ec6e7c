package io.jenkins.plugins.releasegate.slack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.RealJenkinsRule;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;

/** Release Gate without the Slack plugin: nothing that touches it is loaded, and nothing is announced. */
public class WithoutSlackPluginTest {
    @Rule
    public RealJenkinsRule rr = new RealJenkinsRule().omitPlugins("slack");

    @Test
    public void releaseGateWorksWithoutTheSlackPlugin() throws Throwable {
        rr.then(WithoutSlackPluginTest::withoutSlack);
    }

    private static void withoutSlack(JenkinsRule r) throws Throwable {
        assertNull(r.jenkins.getPlugin("slack"));
        assertFalse(ReleaseGateConfiguration.get().isSlackReady());
        assertTrue("the Slack plugin's sender is not loaded", ExtensionList.lookup(SlackSender.class).isEmpty());
        assertEquals(1, ExtensionList.lookup(SlackAnnouncer.class).size());

        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc");
        checkout.setSlackChannel("#checkout");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        List<LedgerEvent> events = LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"),
                Person.user("carol", "Carol Chen"), "DB migration", Optional.empty(), false, GateClock.now()));
        // A NoClassDefFoundError here (an Error, which publish does not catch) would fail the test.
        ReleaseEventListener.publish(events, null);
        assertTrue(ExtensionList.lookupSingleton(SlackAnnouncer.class).awaitPosted(30, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, LedgerStore.get().read(l -> l.holds()).size());

        FormValidation v = ExtensionList.lookupSingleton(ProductConfig.DescriptorImpl.class)
                .doSendTestMessage("checkout", "#checkout");
        assertEquals(FormValidation.Kind.ERROR, v.kind);
        assertTrue(v.renderHtml(), v.renderHtml().contains("The Slack plugin is not installed"));

        // The configuration page, with its Send test message button, renders; and the button's POST answers.
        JenkinsRule.WebClient wc = r.createWebClient();
        String page = wc.goTo("configure").asNormalizedText();
        assertTrue(page, page.contains("Send test message"));
        WebRequest click = new WebRequest(new URL(r.getURL(), "descriptorByName/"
                + ProductConfig.class.getName() + "/sendTestMessage?name=checkout&slackChannel=%23checkout"),
                HttpMethod.POST);
        Page answered = wc.getPage(wc.addCrumb(click));
        String answer = answered.getWebResponse().getContentAsString();
        assertTrue(answer, answer.contains("The Slack plugin is not installed"));
    }
}
