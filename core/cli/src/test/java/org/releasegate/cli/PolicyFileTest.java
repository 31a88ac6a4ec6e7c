package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.policy.UnstableRc;
import org.releasegate.schedule.Freeze;

public class PolicyFileTest {
    @Test
    public void everySettingIsRead() {
        ReleasePolicy policy = PolicyFile.of("all.yml", String.join("\n",
                "unclassified:",
                "  releaseGate:",
                "    timeZone: Europe/Berlin",
                "    products:",
                "      - name: ' payments '",
                "        jobs: |",
                "          payments/rc, payments/deploy",
                "          payments/hotfix-*",
                "        productionWindows: \"Mon-Thu 09:00-17:00; Fri 09:00-12:00 America/New_York\"",
                "        freezes:",
                "          - \"2026-12-24 Christmas Eve\"",
                "        slackChannel: \"#payments\"",
                "        rcMaxAge: 1d12h",
                "        defaultReleaseManager: carol",
                "        unstableRc: failed",
                "        blockedResult: FAILURE",
                "        releasesWithoutRc: true",
                "        exceptions:",
                "          - category: URGENT_DELIVERY",
                "            lifts: \"WINDOW, FREEZE\"",
                "          - category: CRITICAL_PATH_BUG",
                "            lifts: \"\"",
                "")).policy();
        assertEquals(ZoneId.of("Europe/Berlin"), policy.getZone());
        ProductPolicy p = policy.product("payments");
        assertEquals("payments", p.getName());
        assertEquals("[payments/rc, payments/deploy, payments/hotfix-*]", p.getJobs().toString());
        assertTrue(p.isBoundTo("payments/hotfix-42"));
        assertEquals("Mon-Thu 09:00-17:00 Europe/Berlin; Fri 09:00-12:00 America/New_York",
                p.getSchedule().getWindows().toString());
        assertEquals(List.of(Freeze.parse("2026-12-24 Christmas Eve")), p.getSchedule().getFreezes());
        assertEquals(ZoneId.of("Europe/Berlin"), p.getZone());
        assertEquals(Optional.of("#payments"), p.getSlackChannel());
        assertEquals(Duration.ofHours(36), p.getRcMaxAge());
        assertEquals(Optional.of("carol"), p.getDefaultReleaseManager());
        assertEquals(UnstableRc.FAILED, p.getUnstableRc());
        assertEquals(BlockedResult.FAILURE, p.getBlockedResult());
        assertTrue(p.isReleasesWithoutRc());
        assertEquals(EnumSet.of(Lift.WINDOW, Lift.FREEZE), p.getExceptionReach().lifts(UrgencyCategory.URGENT_DELIVERY));
        assertEquals(Set.of(), p.getExceptionReach().lifts(UrgencyCategory.CRITICAL_PATH_BUG));
        assertEquals(EnumSet.allOf(Lift.class), p.getExceptionReach().lifts(UrgencyCategory.PRODUCTION_DOWN));
    }

    @Test
    public void absentSettingsTakeTheEnginesDefaults() {
        ProductPolicy p = PolicyFile.of("min.yml", "unclassified:\n  releaseGate:\n    products:\n      - name: web\n"
                + "        jobs: web/**\n        slackChannel:\n").policy().product("web");
        assertEquals(ZoneId.of("America/New_York"), p.getZone());
        assertEquals("Mon-Thu 08:00-16:00 America/New_York", p.getSchedule().getWindows().toString());
        assertEquals(Optional.empty(), p.getSlackChannel());
        assertEquals(ProductPolicy.DEFAULT_RC_MAX_AGE, p.getRcMaxAge());
        assertFalse(p.isReleasesWithoutRc());
        assertEquals("[web/**]", p.getJobs().toString());
    }

    @Test
    public void anEmptyWindowTextMeansProductionNeverOpens() {
        ProductPolicy p = PolicyFile.of("closed.yml", "unclassified:\n  releaseGate:\n    products:\n"
                + "      - name: web\n        jobs: web/**\n        productionWindows: \"\"\n").policy().product("web");
        assertTrue(p.getSchedule().getWindows().isEmpty());
    }

    @Test
    public void theEmbeddedPolicyIsTheSample() {
        PolicyFile embedded = PolicyFile.embedded();
        assertEquals(List.of(), embedded.getProblems());
        ReleasePolicy policy = embedded.policy();
        assertEquals(List.of("checkout", "search"), policy.getProductNames());
        assertEquals(ZoneId.of("America/New_York"), policy.getZone());
        ProductPolicy checkout = policy.product("checkout");
        assertTrue(checkout.isBoundTo("checkout/deploy-production"));
        assertEquals(Duration.ofDays(7), checkout.getRcMaxAge());
        assertEquals(List.of(Freeze.parse("2026-12-21..2027-01-04 Holiday freeze")), checkout.getSchedule().getFreezes());
        ProductPolicy search = policy.product("search");
        assertEquals("Mon-Thu 09:00-17:00 Europe/Berlin; Fri 09:00-12:00 Europe/Berlin",
                search.getSchedule().getWindows().toString());
        assertEquals(Optional.of("#search"), search.getSlackChannel());
    }

    @Test
    public void policyThrowsWithEveryProblem() {
        PolicyFile file = PolicyFile.of("two.yml", "unclassified:\n  releaseGate:\n    timeZone: CET\n    products: {}\n");
        assertEquals(2, file.getProblems().size());
        try {
            file.policy();
            fail("the policy has problems");
        } catch (InvalidPolicyException e) {
            assertEquals(file.getProblems(), e.getProblems());
            assertEquals(new Problem("two.yml", 4, 15, "products", "expected a list (one '- ' item a line), found a "
                    + "mapping"), e.getProblems().get(1));
        }
    }
}
