package io.jenkins.plugins.releasegate.status;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import hudson.model.Item;
import io.jenkins.plugins.releasegate.GateClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.WebResponse;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The status page's Calendar download: the same file as the command line's, holds included, Overall/Read only. */
public class CalendarDownloadTest {
    /** Monday 2026-11-30 09:00 America/New_York. */
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-30T14:00:00Z");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        // Anonymous has no Overall/Read.
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("alice")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
        GateClock.set(Clock.fixed(MONDAY_9AM, ZoneOffset.UTC));
        Gate.configure(Gate.product("checkout", "checkout/*"), Gate.product("search", "search/*"));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static WebResponse get(JenkinsRule.WebClient wc, String path) throws Exception {
        wc.setThrowExceptionOnFailingStatusCode(false);
        Page page = wc.goTo(path, null);
        return page.getWebResponse();
    }

    /**
     * Each event's summary, unfolded and unescaped (RFC 5545 folds long lines with CRLF and a space, and escapes
     * commas). ical4j reads the same file back in core/ical's tests; here the text is enough.
     */
    private static List<String> events(WebResponse response) {
        String unfolded = response.getContentAsString().replace("\r\n ", "");
        return Arrays.stream(unfolded.split("\r\n")).filter(l -> l.startsWith("SUMMARY:"))
                .map(l -> l.substring("SUMMARY:".length()).replace("\\,", ",")).toList();
    }

    private static String summary(String e) {
        return e;
    }

    @Test
    public void oneProductsCalendarWithTheHoldsStanding() throws Exception {
        JenkinsRule.WebClient alice = j.createWebClient().login("alice");
        Gate.hold(alice, "checkout", "Waiting for the DB migration");
        WebResponse rsp = get(j.createWebClient().login("reader"), "release-gate/calendar?product=checkout");
        assertEquals(200, rsp.getStatusCode());
        assertThat(rsp.getContentType(), containsString("text/calendar"));
        assertThat(rsp.getContentAsString(), containsString("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"));
        assertThat(rsp.getResponseHeaderValue("Content-Disposition"), containsString("checkout-releases.ics"));
        List<String> events = events(rsp);
        // A year of Mon-Thu windows, from today's.
        long open = events.stream().filter(e -> summary(e).equals("checkout: production open")).count();
        assertEquals(true, open > 200);
        assertEquals(1, events.stream().filter(e -> summary(e).startsWith("checkout: hold by alice")).count());
        assertEquals(0, events.stream().filter(e -> summary(e).startsWith("search:")).count());
    }

    @Test
    public void everyProductWithoutAName() throws Exception {
        WebResponse rsp = get(j.createWebClient().login("reader"), "release-gate/calendar");
        assertEquals(200, rsp.getStatusCode());
        List<String> events = events(rsp);
        assertEquals(true, events.stream().anyMatch(e -> summary(e).equals("checkout: production open")));
        assertEquals(true, events.stream().anyMatch(e -> summary(e).equals("search: production open")));
        assertThat(rsp.getResponseHeaderValue("Content-Disposition"), containsString("all-products-releases.ics"));
    }

    @Test
    public void anUnknownProductIsNotFound() throws Exception {
        WebResponse rsp = get(j.createWebClient().login("reader"), "release-gate/calendar?product=billing");
        assertEquals(404, rsp.getStatusCode());
        assertThat(rsp.getContentAsString(), containsString("No product \"billing\""));
    }

    @Test
    public void anonymousWithoutOverallReadIsRefused() throws Exception {
        WebResponse rsp = get(j.createWebClient(), "release-gate/calendar?product=checkout");
        assertThat(String.valueOf(rsp.getStatusCode()), not("200"));
        assertThat(rsp.getContentAsString(), not(containsString("BEGIN:VCALENDAR")));
    }

    @Test
    public void thePageLinksTheCalendar() throws Exception {
        String html = j.createWebClient().login("reader").goTo("release-gate/").getWebResponse().getContentAsString();
        assertThat(html, containsString("href=\"calendar?product=checkout\""));
        assertThat(html, containsString("href=\"calendar\""));
    }
}
