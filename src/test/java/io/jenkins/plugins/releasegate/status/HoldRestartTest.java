package io.jenkins.plugins.releasegate.status;

import static io.jenkins.plugins.releasegate.status.Gate.holdFor;
import static io.jenkins.plugins.releasegate.status.Gate.holds;
import static io.jenkins.plugins.releasegate.status.Gate.onlyHold;
import static io.jenkins.plugins.releasegate.status.Gate.product;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ledger.LedgerHousekeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.sf.json.JSONObject;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.releasegate.hold.Hold;

/** A hold is runtime state in the ledger file: it outlives a restart, and its expiry still applies afterwards. */
public class HoldRestartTest {
    private static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void holdsSurviveARestartAndStillExpire() throws Throwable {
        sessions.then(j -> {
            GateClock.set(Clock.fixed(FRIDAY_10AM, ZoneOffset.UTC));
            Gate.configure(product("checkout", "checkout/**"));
            assertEquals(200, holdFor(j.createWebClient(), "checkout", "Until the migration is done", "4h")
                    .getStatusCode());
        });
        sessions.then(j -> {
            Hold hold = onlyHold();
            assertEquals(Optional.of("checkout"), hold.product());
            assertEquals("Until the migration is done", hold.reason());
            assertEquals(FRIDAY_10AM, hold.placedAt());
            assertEquals(Optional.of(FRIDAY_10AM.plus(Duration.ofHours(4))), hold.expiresAt());
            JSONObject product = JSONObject.fromObject(j.createWebClient().goTo("release-gate/api/json",
                    "application/json").getWebResponse().getContentAsString()).getJSONArray("products")
                    .getJSONObject(0);
            assertEquals(hold.id(), product.getJSONArray("holds").getJSONObject(0).getString("id"));

            GateClock.set(Clock.fixed(FRIDAY_10AM.plus(Duration.ofHours(4)), ZoneOffset.UTC));
            LedgerHousekeeping.run(GateClock.now());
            assertEquals(List.of(), holds());
        });
    }
}
