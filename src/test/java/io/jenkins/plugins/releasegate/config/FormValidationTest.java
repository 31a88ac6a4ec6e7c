package io.jenkins.plugins.releasegate.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The checks the configuration page runs as a field is typed, called as the page calls them: a POST with a crumb.
 * Each answers with core's own message.
 */
public class FormValidationTest {
    private static final String PRODUCT = "descriptorByName/io.jenkins.plugins.releasegate.config.ProductConfig/";
    private static final String GLOBAL =
            "descriptorByName/io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration/";
    private static final String RULE = "descriptorByName/io.jenkins.plugins.releasegate.config.ExceptionRule/";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private JenkinsRule.WebClient admin;

    @Before
    public void setUp() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("dev"));
        admin = j.createWebClient().login("admin");
    }

    @Test
    public void productionWindows() throws Exception {
        assertOk(check(admin, PRODUCT + "checkProductionWindows", "Mon-Thu 08:00-16:00; Fri 09:00-12:00 Europe/Berlin"));
        assertError(check(admin, PRODUCT + "checkProductionWindows", "Mon-Thu 8-16"), "expected HH:MM at column 9");
        assertError(check(admin, PRODUCT + "checkProductionWindows", "Mon-Thr 08:00-16:00"),
                "expected a day name (Mon, Tue, Wed, Thu, Fri, Sat or Sun) at column 5");
        assertError(check(admin, PRODUCT + "checkProductionWindows", "Mon-Thu 08:00-16:00 EST"),
                "is an abbreviation, not a time zone");
        assertWarning(check(admin, PRODUCT + "checkProductionWindows", ""), "production never opens");
        assertWarning(check(admin, PRODUCT + "checkProductionWindows", "never"), "(saved as never)");
    }

    @Test
    public void freezesOneALine() throws Exception {
        assertOk(check(admin, PRODUCT + "checkFreezes", "2026-11-26 Thanksgiving\n2026-12-21..2027-01-04 Holidays"));
        assertError(check(admin, PRODUCT + "checkFreezes", "2026-11-26 Thanksgiving\n2026-12-21..2027-01-04"),
                "expected a space and the reason for the freeze at column 23");
    }

    @Test
    public void jobsAgeAndResult() throws Exception {
        assertOk(check(admin, PRODUCT + "checkJobs", "checkout/**"));
        assertWarning(check(admin, PRODUCT + "checkJobs", ""), "No job is bound");
        assertError(check(admin, PRODUCT + "checkJobs", "/checkout/rc"), "without a leading, trailing or doubled");
        assertOk(check(admin, PRODUCT + "checkRcMaxAge", "1d12h"));
        assertError(check(admin, PRODUCT + "checkRcMaxAge", "7 days"), "write days and hours such as 7d, 36h or 1d12h");
        assertError(check(admin, PRODUCT + "checkBlockedResult", "ABORTED"), "use one of NOT_BUILT, FAILURE");
        assertError(check(admin, PRODUCT + "checkName", " "), "A product needs a name");
    }

    @Test
    public void timeZone() throws Exception {
        assertOk(check(admin, GLOBAL + "checkTimeZone", "Europe/Berlin"));
        assertError(check(admin, GLOBAL + "checkTimeZone", "EST"), "Use the IANA id America/New_York");
        assertError(check(admin, GLOBAL + "checkTimeZone", "Mars/Olympus"), "Unknown time zone");
    }

    @Test
    public void exceptionLifts() throws Exception {
        assertOk(check(admin, RULE + "checkLifts", "WINDOW, RC_IN_FLIGHT"));
        assertError(check(admin, RULE + "checkLifts", "WINDOW, HOLD"), "Unknown rule");
    }

    @Test
    public void onlyAdministratorsMayAsk() throws Exception {
        JenkinsRule.WebClient dev = j.createWebClient().login("dev");
        assertEquals(403, check(dev, PRODUCT + "checkProductionWindows", "Mon 08:00-09:00").getStatusCode());
        assertEquals(403, check(dev, GLOBAL + "checkTimeZone", "UTC").getStatusCode());
    }

    private static WebResponse check(JenkinsRule.WebClient wc, String method, String value) throws IOException {
        wc.setThrowExceptionOnFailingStatusCode(false);
        String url = method + "?value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST)).getWebResponse();
    }

    private static void assertOk(WebResponse rsp) {
        assertEquals(200, rsp.getStatusCode());
        String body = rsp.getContentAsString();
        assertFalse(body, body.contains("class=error") || body.contains("class=\"error\""));
        assertFalse(body, body.contains("warning"));
    }

    private static void assertError(WebResponse rsp, String words) {
        assertEquals(200, rsp.getStatusCode());
        String body = rsp.getContentAsString();
        assertTrue(body, body.contains("error"));
        assertTrue(body, body.contains(words));
    }

    private static void assertWarning(WebResponse rsp, String words) {
        assertEquals(200, rsp.getStatusCode());
        String body = rsp.getContentAsString();
        assertTrue(body, body.contains("warning"));
        assertTrue(body, body.contains(words));
    }
}
