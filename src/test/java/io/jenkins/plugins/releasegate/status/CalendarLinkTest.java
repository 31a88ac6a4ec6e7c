package io.jenkins.plugins.releasegate.status;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Item;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The status page's per-product Calendar link works for any product name: the name is URL-encoded into the query, not
 * only HTML-escaped ({@code R&D platform} would otherwise ask for product {@code R}). A REST caller asking for an
 * unknown product gets the 404 in JSON, as from hold and lift.
 */
public class CalendarLinkTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void theLinkOfAProductWithAnAmpersandAndASpaceDownloadsItsCalendar() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        ProductConfig rnd = Gate.product("R&D platform", "rnd/*");
        Gate.configure(rnd);
        JenkinsRule.WebClient wc = j.createWebClient().login("reader");
        HtmlPage page = wc.goTo("release-gate/");
        HtmlAnchor link = page.getAnchorByText("Calendar");
        assertEquals("calendar?product=R%26D+platform", link.getHrefAttribute());

        WebResponse ics = wc.getPage(new WebRequest(page.getFullyQualifiedUrl(link.getHrefAttribute())))
                .getWebResponse();
        assertEquals(200, ics.getStatusCode());
        assertTrue(ics.getResponseHeaderValue("Content-Disposition"),
                ics.getResponseHeaderValue("Content-Disposition").contains("r-d-platform-releases.ics"));

        wc.setThrowExceptionOnFailingStatusCode(false);
        WebRequest unknown = new WebRequest(page.getFullyQualifiedUrl("calendar?product=billing"));
        unknown.setAdditionalHeader("Accept", "application/json");
        WebResponse missing = wc.getPage(unknown).getWebResponse();
        assertEquals(404, missing.getStatusCode());
        assertEquals(404, JSONObject.fromObject(missing.getContentAsString()).getInt("status"));
    }
}
