package org.releasegate.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.urgency.Urgency;

public class PolicySettingsTest {
    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    public void jobPatternsMatchFoldersBranchesAndExactNames() {
        List<JobPattern> patterns = JobPattern.parseAll("checkout/release-candidate,\n checkout/app/release-*, search/**");
        assertEquals(3, patterns.size());
        assertTrue(patterns.get(0).matches("checkout/release-candidate"));
        assertFalse(patterns.get(0).matches("checkout/release-candidate-2"));
        assertTrue(patterns.get(1).matches("checkout/app/release-2026.11"));
        assertFalse(patterns.get(1).matches("checkout/app/release-x/nested"));
        assertFalse(patterns.get(1).matches("checkout/app/PR-12"));
        assertTrue(patterns.get(2).matches("search/indexer/main"));
        assertFalse(patterns.get(2).matches("searchlight/x"));
        assertFalse(JobPattern.parse("a.b").matches("aXb"));
        assertTrue(error(() -> JobPattern.parse("/checkout")).contains("\"/checkout\""));
        assertTrue(error(() -> JobPattern.parse(" ")).contains("empty"));
    }

    @Test
    public void productIsBoundToItsJobsOnly() {
        ProductPolicy p = ProductPolicy.builder("checkout").jobs(JobPattern.parseAll("checkout/**")).build();
        assertTrue(p.isBoundTo("checkout/rc"));
        assertFalse(p.isBoundTo("search/rc"));
        assertFalse(ProductPolicy.builder("none").build().isBoundTo("checkout/rc"));
    }

    @Test
    public void maxAgeReadsDaysAndHours() {
        assertEquals(Duration.ofDays(7), MaxAge.parse("7d"));
        assertEquals(Duration.ofHours(36), MaxAge.parse("36h"));
        assertEquals(Duration.ofHours(36), MaxAge.parse("1d12h"));
        assertEquals("1d12h", MaxAge.format(Duration.ofHours(36)));
        assertEquals("7d", MaxAge.format(Duration.ofDays(7)));
        assertEquals("5h", MaxAge.format(Duration.ofHours(5)));
        assertTrue(error(() -> MaxAge.parse("7 days")).contains("\"7 days\": write days and hours such as 7d"));
        assertTrue(error(() -> MaxAge.parse("0d")).contains("is zero"));
        // Beyond a Duration, and beyond a long: PolicyExceptions naming the input, never ArithmeticException.
        assertEquals("The age \"999999999999999d\" is too long: write days and hours such as 7d, 36h or 1d12h",
                error(() -> MaxAge.parse("999999999999999d")));
        assertTrue(error(() -> MaxAge.parse("99999999999999999999h")).startsWith("The age \"99999999999999999999h\""));
    }

    @Test
    public void enumsListTheChoices() {
        assertEquals(BlockedResult.FAILURE, Enums.parse(BlockedResult.class, "blockedResult", "failure"));
        assertEquals(UnstableRc.IN_FLIGHT, Enums.parse(UnstableRc.class, "unstableRc", "in-flight"));
        assertEquals("blockedResult: unknown value \"ABORTED\"; use one of NOT_BUILT, FAILURE",
                error(() -> Enums.parse(BlockedResult.class, "blockedResult", "ABORTED")));
        assertEquals("urgency: unknown value \"SOON\"; use one of PRODUCTION_DOWN, CRITICAL_PATH_BUG, URGENT_DELIVERY",
                error(() -> UrgencyCategory.parse("SOON")));
    }

    @Test
    public void urgencyNeedsAReasonAndAReasonNeedsAnUrgency() {
        assertEquals(Optional.empty(), Urgency.of(null, " "));
        assertEquals(UrgencyCategory.PRODUCTION_DOWN, Urgency.of("production_down", "INC-1").orElseThrow().category());
        assertTrue(error(() -> Urgency.of("PRODUCTION_DOWN", "")).contains("urgency PRODUCTION_DOWN needs a reason"));
        assertTrue(error(() -> Urgency.of("", "because")).contains("A reason was given without an urgency"));
    }

    @Test
    public void exceptionReachDefaultsAndOverrides() {
        ExceptionReach reach = ExceptionReach.defaults();
        assertEquals(EnumSet.allOf(Lift.class), reach.lifts(UrgencyCategory.PRODUCTION_DOWN));
        assertEquals(EnumSet.of(Lift.WINDOW, Lift.RC_IN_FLIGHT), reach.lifts(UrgencyCategory.URGENT_DELIVERY));
        ExceptionReach narrowed = reach.with(UrgencyCategory.PRODUCTION_DOWN, Lift.parseAll("window"));
        assertEquals(EnumSet.of(Lift.WINDOW), narrowed.lifts(UrgencyCategory.PRODUCTION_DOWN));
        assertEquals(EnumSet.noneOf(Lift.class), reach.with(UrgencyCategory.URGENT_DELIVERY, Lift.parseAll("")).lifts(
                UrgencyCategory.URGENT_DELIVERY));
        assertTrue(error(() -> Lift.parseAll("WINDOW, HOLD")).contains("Unknown rule \"HOLD\""));
    }

    @Test
    public void releasePolicyFindsProductsByName() {
        ReleasePolicy policy = new ReleasePolicy(org.releasegate.Fixtures.NY, List.of(
                ProductPolicy.builder("checkout").build(), ProductPolicy.builder("search").build()));
        assertEquals("search", policy.product(" search ").getName());
        assertEquals("Unknown product \"cart\": the policy defines checkout, search; use one of those, or add \"cart\" "
                + "under products", error(() -> policy.product("cart")));
        assertTrue(error(() -> policy.productOrOnly(null)).contains("several products (checkout, search)"));
        assertEquals("checkout", ReleasePolicy.singleProduct("checkout").productOrOnly(null).getName());
        assertTrue(error(() -> new ReleasePolicy(org.releasegate.Fixtures.NY, List.of(ProductPolicy.builder("a").build(),
                ProductPolicy.builder("a").build()))).contains("defined twice"));
        assertTrue(error(() -> ProductPolicy.builder(" ")).contains("needs a name"));
    }

    @Test
    public void productDefaultsFollowTheSeed() {
        ProductPolicy p = ProductPolicy.builder("checkout").build();
        assertEquals("Mon-Thu 08:00-16:00 America/New_York", p.getSchedule().getWindows().toString());
        assertEquals(Duration.ofDays(7), p.getRcMaxAge());
        assertEquals(UnstableRc.IN_FLIGHT, p.getUnstableRc());
        assertEquals(BlockedResult.NOT_BUILT, p.getBlockedResult());
        assertFalse(p.isReleasesWithoutRc());
    }
}
