package io.jenkins.plugins.releasegate.status;

import static io.jenkins.plugins.releasegate.status.Gate.holdFor;
import static io.jenkins.plugins.releasegate.status.Gate.holds;
import static io.jenkins.plugins.releasegate.status.Gate.onlyHold;
import static io.jenkins.plugins.releasegate.status.Gate.product;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ledger.LedgerHousekeeping;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.htmlunit.WebResponse;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.releasegate.ledger.AuditEntry;

/** Holds with an expiry: how it is written, and that it is applied on time. */
public class HoldExpiryTest {
    /** Friday 2026-11-27 10:00 EST. */
    private static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private JenkinsRule.WebClient alice;

    @Before
    public void setUp() throws Exception {
        at(FRIDAY_10AM);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("alice"));
        Gate.configure(product("checkout", "checkout/**"));
        alice = j.createWebClient().login("alice");
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aHoldExpiresOnTime() throws Exception {
        assertEquals(200, holdFor(alice, "checkout", "Until the incident review", "2h").getStatusCode());
        String id = onlyHold().id();
        assertEquals(Optional.of(FRIDAY_10AM.plus(Duration.ofHours(2))), onlyHold().expiresAt());

        at(FRIDAY_10AM.plus(Duration.ofMinutes(119)));
        LedgerHousekeeping.run(GateClock.now());
        assertEquals(1, holds().size());

        at(FRIDAY_10AM.plus(Duration.ofHours(2)));
        LedgerHousekeeping.run(GateClock.now());
        assertEquals(List.of(), holds());
        List<AuditEntry> audit = LedgerStore.get().read(l -> l.audit("checkout"));
        AuditEntry last = audit.get(audit.size() - 1);
        assertEquals(AuditEntry.Action.HOLD_EXPIRED, last.action());
        assertEquals(id, last.subject());
    }

    @Test
    public void daysAndHoursFromNow() throws Exception {
        holdFor(alice, "checkout", "Long weekend", "1d12h");
        assertEquals(Optional.of(FRIDAY_10AM.plus(Duration.ofHours(36))), onlyHold().expiresAt());
    }

    @Test
    public void aDateAndTimeIsReadOnTheProductsWallClock() throws Exception {
        holdFor(alice, "checkout", "Until the end of the day", "2026-11-27T17:00");
        assertEquals(Optional.of(Instant.parse("2026-11-27T22:00:00Z")), onlyHold().expiresAt()); // 17:00 EST
    }

    @Test
    public void aDateAndTimeWithAnOffsetIsExact() throws Exception {
        holdFor(alice, "checkout", "Until Berlin wakes up", "2026-11-28T08:00:00+01:00");
        assertEquals(Optional.of(Instant.parse("2026-11-28T07:00:00Z")), onlyHold().expiresAt());
    }

    @Test
    public void anUnreadableExpiryIsRefusedWithTheFormsUnderstood() throws Exception {
        WebResponse rsp = holdFor(alice, "checkout", "x", "tomorrow");
        assertEquals(400, rsp.getStatusCode());
        assertTrue(rsp.getContentAsString(), rsp.getContentAsString().contains("Cannot read the expiry"));
        assertTrue(rsp.getContentAsString(), rsp.getContentAsString().contains("2026-12-01T17:00"));
        assertEquals(List.of(), holds());
    }

    @Test
    public void anExpiryInThePastIsRefused() throws Exception {
        WebResponse rsp = holdFor(alice, "checkout", "x", "2026-11-27T09:00");
        assertEquals(400, rsp.getStatusCode());
        assertTrue(rsp.getContentAsString(), rsp.getContentAsString().contains("not after now"));
        assertEquals(List.of(), holds());
    }

    private static void at(Instant instant) {
        GateClock.set(Clock.fixed(instant, ZoneOffset.UTC));
    }
}
