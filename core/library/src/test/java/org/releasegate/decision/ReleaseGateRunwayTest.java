package org.releasegate.decision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/** Production starts only what can finish before the window closes. */
public class ReleaseGateRunwayTest {
    /** Thursday 2026-11-26 15:48 EST: twelve minutes before the seed window closes. */
    private static final Instant LATE = Instant.parse("2026-11-26T20:48:00Z");
    private static final Instant MONDAY_8AM = Fixtures.MONDAY_8AM;
    private static final Instant RC_STARTED = Instant.parse("2026-11-26T14:00:00Z");

    private static ProductPolicy checkout(String runway) {
        return Fixtures.checkoutBuilder().runway(org.releasegate.schedule.Runway.parse(runway)).build();
    }

    private static LedgerSnapshot ledger() {
        return new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, RC_STARTED)), List.of(), List.of(),
                Optional.empty());
    }

    private static GateDecision decide(ProductPolicy policy, GateRequest request, Instant at) {
        return ReleaseGate.decide(policy, request, ledger(), at);
    }

    @Test
    public void tooLateForTheRunwayIsBlockedWithReasonRunway() {
        GateDecision d = decide(checkout("30m"), production(7, ALICE).build(), LATE);
        assertFalse(d.isAllowed());
        assertEquals(1, d.reasons().size());
        Reason r = d.reasons().get(0);
        assertEquals(Reason.Code.RUNWAY, r.code());
        assertEquals("too late to start before production closes (a production release of checkout needs 30 minutes)",
                r.text());
        assertEquals(Optional.of(MONDAY_8AM), r.until());
        assertEquals(Optional.of(MONDAY_8AM), d.earliestPass());
        assertEquals(Optional.of(MONDAY_8AM), d.window().nextOpening());
        assertFalse(d.approvalNeeded());
    }

    @Test
    public void theConsoleSaysWhenItClosesWhatItNeedsAndTheNextChance() {
        String text = ConsoleMessage.render(decide(checkout("30m"), production(7, ALICE).build(), LATE), Fixtures.NY);
        assertTrue(text, text.contains("The production window closes at 16:00 EST, in 12 minutes; a production release "
                + "of checkout needs 30 minutes. Next chance: Mon 2026-11-30 08:00 EST.\n"));
        assertFalse(text, text.contains("The production window is open now"));
        assertTrue(text, text.contains("  - too late to start before production closes (a production release of "
                + "checkout needs 30 minutes)\n"));
        assertTrue(text, text.contains("If it is urgent: run again with urgency"));
        assertTrue(text, text.contains("Earliest it could pass: Mon 2026-11-30 08:00 EST"));
    }

    @Test
    public void theConsoleSaysWhenNoStretchIsLongEnough() {
        ProductPolicy hour = Fixtures.checkoutBuilder().windows(org.releasegate.schedule.WindowSpec.parse(
                "Thu 15:00-16:00", Fixtures.NY)).runway(Duration.ofHours(2)).build();
        GateDecision d = decide(hour, production(7, ALICE).build(), LATE);
        assertEquals(Optional.empty(), d.earliestPass());
        assertTrue(ConsoleMessage.render(d, Fixtures.NY).contains("The production window closes at 16:00 EST, in 12 "
                + "minutes; a production release of checkout needs 2 hours. No stretch ahead is open that long under "
                + "this policy.\n"));
    }

    @Test
    public void inTimeForTheRunwayPassesAndNamesTheLastStart() {
        Instant early = Instant.parse("2026-11-26T20:30:00Z"); // 15:30 EST: exactly the runway left
        GateDecision d = decide(checkout("30m"), production(7, ALICE).build(), early);
        assertTrue(d.reasons().toString(), d.isAllowed());
        assertEquals(Optional.of(early), d.window().lastStart());
        assertTrue(ConsoleMessage.render(d, Fixtures.NY).contains("A production release of checkout needs 30 minutes: "
                + "the last start in this window is Thu 2026-11-26 15:30 EST (2026-11-26 20:30 UTC).\n"));
        assertFalse(ConsoleMessage.render(decide(checkout("0"), production(7, ALICE).build(), early), Fixtures.NY)
                .contains("the last start"));
    }

    @Test
    public void noRunwayKeepsTodaysBehaviour() {
        GateDecision d = decide(checkout("0"), production(7, ALICE).build(), Instant.parse("2026-11-26T20:59:00Z"));
        assertTrue(d.isAllowed());
        assertEquals(Duration.ZERO, d.window().runway());
    }

    @Test
    public void anExpectedDurationLengthensTheRunwayButNeverShortensIt() {
        GateRequest longer = production(7, ALICE).expectedDuration(Duration.ofMinutes(45)).build();
        Instant at1520 = Instant.parse("2026-11-26T20:20:00Z"); // 40 minutes left
        assertTrue(decide(checkout("30m"), production(7, ALICE).build(), at1520).isAllowed());
        GateDecision d = decide(checkout("30m"), longer, at1520);
        assertTrue(d.has(Reason.Code.RUNWAY));
        assertEquals(Duration.ofMinutes(45), d.window().runway());
        GateRequest shorter = production(7, ALICE).expectedDuration(Duration.ofMinutes(5)).build();
        assertTrue(decide(checkout("30m"), shorter, LATE).has(Reason.Code.RUNWAY));
        assertEquals(Duration.ofMinutes(30), decide(checkout("30m"), shorter, LATE).window().runway());
        assertThrows(IllegalArgumentException.class,
                () -> production(7, ALICE).expectedDuration(Duration.ofMinutes(-5)));
    }

    @Test
    public void theRunwayDoesNotConcernReleaseCandidates() {
        GateDecision d = ReleaseGate.decide(checkout("30m"), rcRequest(42, ALICE), LedgerSnapshot.empty("checkout"),
                LATE);
        assertTrue(d.isAllowed());
        assertEquals(Duration.ZERO, d.window().runway());
    }

    @Test
    public void anUrgentExceptionThatLiftsTheWindowLiftsTheRunway() {
        GateDecision d = decide(checkout("30m"), production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .mayOverride(true).build(), LATE);
        assertTrue(d.reasons().toString(), d.isAllowed());
        assertEquals(EnumSet.of(Lift.WINDOW), d.exception().orElseThrow().lifted());
    }

    @Test
    public void anUrgentExceptionWithoutOverrideNeedsApprovalForTheRunway() {
        GateRequest.Builder urgentRequest = production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN));
        GateDecision d = decide(checkout("30m"), urgentRequest.build(), LATE);
        assertFalse(d.isAllowed());
        assertTrue(d.approvalNeeded());
        assertEquals(EnumSet.of(Lift.WINDOW), d.approvalLifts());
        Approval window = new Approval("checkout", Stage.PRODUCTION, UrgencyCategory.PRODUCTION_DOWN,
                EnumSet.of(Lift.WINDOW), CAROL);
        assertTrue(decide(checkout("30m"), urgentRequest.approval(window).build(), LATE).isAllowed());
    }

    @Test
    public void anExceptionThatMayNotLiftTheWindowLeavesTheRunway() {
        ProductPolicy strict = Fixtures.checkoutBuilder().runway(Duration.ofMinutes(30)).exceptionReach(
                ExceptionReach.defaults().with(UrgencyCategory.PRODUCTION_DOWN, EnumSet.of(Lift.FREEZE))).build();
        GateDecision d = decide(strict, production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .mayOverride(true).build(), LATE);
        assertTrue(d.has(Reason.Code.RUNWAY));
        assertFalse(d.approvalNeeded());
    }

    @Test
    public void aHoldEndingLateMovesTheEarliestPassToTheNextLongStretch() {
        Hold hold = new Hold("hold-1", Optional.of("checkout"), CAROL, "DB migration", LATE.minusSeconds(600),
                Optional.of(Instant.parse("2026-11-26T20:40:00Z"))); // ends 15:40 EST: 20 minutes left
        LedgerSnapshot held = new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, RC_STARTED)), List.of(hold),
                List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout("30m"), production(7, ALICE).build(), held,
                Instant.parse("2026-11-26T20:20:00Z"));
        assertEquals(List.of(Reason.Code.HOLD), d.reasons().stream().map(Reason::code).toList());
        assertEquals(Optional.of(MONDAY_8AM), d.earliestPass());
        GateDecision noRunway = ReleaseGate.decide(checkout("0"), production(7, ALICE).build(), held,
                Instant.parse("2026-11-26T20:20:00Z"));
        assertEquals(Optional.of(Instant.parse("2026-11-26T20:40:00Z")), noRunway.earliestPass());
    }

    @Test
    public void thePolicyRefusesARunwayOutOfRange() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> Fixtures.checkoutBuilder().runway(Duration.ofHours(25)));
        assertEquals("runway must be from 0 to 24h, not 25h", e.getMessage());
        assertThrows(PolicyException.class, () -> Fixtures.checkoutBuilder().runway(Duration.ofMinutes(-1)));
        assertEquals(Duration.ZERO, Fixtures.checkout().getRunway());
        assertEquals(Duration.ofHours(24), Fixtures.checkoutBuilder().runway(Duration.ofHours(24)).build().getRunway());
    }
}
