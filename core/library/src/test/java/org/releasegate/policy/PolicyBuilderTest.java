package org.releasegate.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.Stage;
import org.releasegate.rc.BuildResult;
import org.releasegate.schedule.TimeZones;

/** A product's settings as the builder takes them, and finding the product a caller meant. */
public class PolicyBuilderTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    public void settingsGivenAreTheSettingsRead() {
        ProductPolicy p = ProductPolicy.builder(" checkout ").jobs(JobPattern.parseAll("checkout/*"))
                .rcMaxAge(Duration.ofDays(3)).defaultReleaseManager(" alice ").unstableRc(UnstableRc.FAILED)
                .blockedResult(BlockedResult.FAILURE).build();
        assertEquals("checkout", p.getName());
        assertEquals(List.of("checkout/*"), p.getJobs().stream().map(JobPattern::toString).toList());
        assertEquals(Duration.ofDays(3), p.getRcMaxAge());
        assertEquals(Optional.of("alice"), p.getDefaultReleaseManager());
        assertEquals(UnstableRc.FAILED, p.getUnstableRc());
        assertEquals(BlockedResult.FAILURE, p.getBlockedResult());
        assertEquals(Optional.empty(), ProductPolicy.builder("cart").defaultReleaseManager("  ").build()
                .getDefaultReleaseManager());
    }

    @Test
    public void rcMaxAgeMustBePositive() {
        assertEquals("rcMaxAge must be positive, not PT0S", assertThrows(PolicyException.class,
                () -> ProductPolicy.builder("checkout").rcMaxAge(Duration.ZERO)).getMessage());
        assertEquals("rcMaxAge must be positive, not PT-1H", assertThrows(PolicyException.class,
                () -> ProductPolicy.builder("checkout").rcMaxAge(Duration.ofHours(-1))).getMessage());
        assertEquals(Duration.ofSeconds(1), ProductPolicy.builder("checkout").rcMaxAge(Duration.ofSeconds(1)).build()
                .getRcMaxAge());
    }

    @Test
    public void theOnlyProductIsMeantWhenNoneIsNamed() {
        ReleasePolicy one = new ReleasePolicy(BERLIN, List.of(ProductPolicy.builder("checkout").build()));
        assertEquals(BERLIN, one.getZone());
        assertEquals("checkout", one.productOrOnly(null).getName());
        assertEquals("checkout", one.productOrOnly("  ").getName());
        assertEquals("checkout", one.productOrOnly("checkout").getName());
        assertEquals(List.of("checkout"), one.getProducts().stream().map(ProductPolicy::getName).toList());
        UnknownProductException unknown = assertThrows(UnknownProductException.class, () -> one.productOrOnly("cart"));
        assertEquals("cart", unknown.getProduct());
    }

    @Test
    public void severalOrNoProductsMustBeNamed() {
        ReleasePolicy two = new ReleasePolicy(TimeZones.DEFAULT, List.of(ProductPolicy.builder("checkout").build(),
                ProductPolicy.builder("cart").build()));
        assertEquals("The policy defines several products (checkout, cart): name the product",
                assertThrows(PolicyException.class, () -> two.productOrOnly(null)).getMessage());
        assertEquals("cart", two.productOrOnly("cart").getName());
        assertEquals("The policy defines no product: add one under products", assertThrows(PolicyException.class,
                () -> new ReleasePolicy(TimeZones.DEFAULT, List.of()).productOrOnly("")).getMessage());
    }

    @Test
    public void stagesAndResultsAreReadAsTyped() {
        assertEquals(Stage.PRODUCTION, Stage.parse(" production "));
        assertEquals(Stage.RC, Stage.parse("rc"));
        assertEquals(BuildResult.NOT_BUILT, BuildResult.parse("not-built"));
        assertEquals("stage: unknown value \"prod\"; use one of RC, PRODUCTION",
                assertThrows(PolicyException.class, () -> Stage.parse("prod")).getMessage());
    }
}
