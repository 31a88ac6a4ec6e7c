package org.releasegate.decision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.urgent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/**
 * An approval covers exactly what was approved: the product, stage and category asked for, and the rules it lifts.
 * Friday 10:00 New York is outside checkout's window; Tuesday 2026-12-22 10:00 is inside it but in the holiday freeze;
 * Saturday 2026-12-26 is both.
 */
public class ApprovalTest {
    private static final Instant IN_FREEZE = Instant.parse("2026-12-22T15:00:00Z");
    private static final Instant FROZEN_WEEKEND = Instant.parse("2026-12-26T15:00:00Z");
    private static final UrgencyCategory DOWN = UrgencyCategory.PRODUCTION_DOWN;

    private static Approval approval(String product, Stage stage, UrgencyCategory category, Set<Lift> lifts) {
        return new Approval(product, stage, category, lifts, CAROL);
    }

    private static GateDecision decide(GateRequest.Builder request, Instant at, Hold... holds) {
        LedgerSnapshot ledger = new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, at.minusSeconds(86400))),
                List.of(holds), List.of(), Optional.empty());
        return ReleaseGate.decide(checkout(), request.build(), ledger, at);
    }

    private static GateRequest.Builder urgentProduction() {
        return production(7, ALICE).urgency(urgent(DOWN));
    }

    @Test
    public void coversTheProductStageAndCategoryItWasGivenFor() {
        Approval a = approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW));
        assertTrue(a.covers("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW)));
        assertFalse(a.covers("billing", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW)));
        assertFalse(a.covers("checkout", Stage.RC, DOWN, EnumSet.of(Lift.WINDOW)));
        assertFalse(a.covers("checkout", Stage.PRODUCTION, UrgencyCategory.URGENT_DELIVERY, EnumSet.of(Lift.WINDOW)));
    }

    @Test
    public void coversNoRuleItDidNotLift() {
        Approval window = approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW));
        assertFalse(window.covers("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.FREEZE)));
        assertFalse(window.covers("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW, Lift.FREEZE)));
        assertTrue(window.covers("checkout", Stage.PRODUCTION, DOWN, EnumSet.noneOf(Lift.class)));
        Approval both = approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW, Lift.FREEZE));
        assertTrue(both.covers("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.FREEZE)));
    }

    @Test
    public void keepsItsOwnCopyOfWhatItLifts() {
        Set<Lift> lifts = EnumSet.of(Lift.WINDOW);
        Approval a = approval("checkout", Stage.PRODUCTION, DOWN, lifts);
        lifts.add(Lift.FREEZE);
        assertEquals(Set.of(Lift.WINDOW), a.lifts());
        assertThrows(UnsupportedOperationException.class, () -> a.lifts().add(Lift.FREEZE));
    }

    @Test
    public void needsEveryPart() {
        Set<Lift> w = EnumSet.of(Lift.WINDOW);
        assertThrows(NullPointerException.class, () -> new Approval(null, Stage.PRODUCTION, DOWN, w, CAROL));
        assertThrows(NullPointerException.class, () -> new Approval("checkout", null, DOWN, w, CAROL));
        assertThrows(NullPointerException.class, () -> new Approval("checkout", Stage.PRODUCTION, null, w, CAROL));
        assertThrows(NullPointerException.class, () -> new Approval("checkout", Stage.PRODUCTION, DOWN, null, CAROL));
        assertThrows(NullPointerException.class, () -> new Approval("checkout", Stage.PRODUCTION, DOWN, w, null));
    }

    @Test
    public void aMatchingApprovalLiftsTheWindowAndIsRecorded() {
        GateDecision d = decide(urgentProduction()
                .approval(approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW))), FRIDAY_10AM);
        assertTrue(d.isAllowed());
        assertEquals(Set.of(Lift.WINDOW), d.exception().orElseThrow().lifted());
        assertEquals(Optional.of(CAROL), d.exception().orElseThrow().approvedBy());
    }

    @Test
    public void anApprovalForAnotherProductOrCategoryLiftsNothing() {
        for (Approval other : List.of(
                approval("billing", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW)),
                approval("checkout", Stage.RC, DOWN, EnumSet.of(Lift.WINDOW)),
                approval("checkout", Stage.PRODUCTION, UrgencyCategory.CRITICAL_PATH_BUG, EnumSet.of(Lift.WINDOW)))) {
            GateDecision d = decide(urgentProduction().approval(other), FRIDAY_10AM);
            assertFalse(other.toString(), d.isAllowed());
            assertTrue(other.toString(), d.approvalNeeded());
            assertEquals(Optional.empty(), d.exception());
        }
    }

    @Test
    public void anApprovalOfTheWindowDoesNotLiftAFreezeThatBeganSince() {
        GateDecision d = decide(urgentProduction()
                .approval(approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW))), IN_FREEZE);
        assertFalse(d.isAllowed());
        assertEquals(Set.of(Lift.FREEZE), d.approvalLifts());
        GateDecision approved = decide(urgentProduction()
                .approval(approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.FREEZE))), IN_FREEZE);
        assertTrue(approved.reasons().toString(), approved.isAllowed());
    }

    @Test
    public void anApprovalWithoutAnUrgentExceptionLiftsNothing() {
        GateDecision d = decide(production(7, ALICE)
                .approval(approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW))), FRIDAY_10AM);
        assertFalse(d.isAllowed());
        assertFalse(d.approvalNeeded());
        assertEquals(Set.of(), d.approvalLifts());
    }

    @Test
    public void theRequestersOwnOverrideNamesNoApprover() {
        GateDecision d = decide(urgentProduction().mayOverride(true)
                .approval(approval("checkout", Stage.PRODUCTION, DOWN, EnumSet.of(Lift.WINDOW))), FRIDAY_10AM);
        assertTrue(d.isAllowed());
        assertEquals(Optional.empty(), d.exception().orElseThrow().approvedBy());
    }

    @Test
    public void approvalLiftsSaysWhatAnApprovalMustLift() {
        assertEquals(Set.of(Lift.WINDOW), decide(urgentProduction(), FRIDAY_10AM).approvalLifts());
        assertEquals(Set.of(Lift.FREEZE), decide(urgentProduction(), IN_FREEZE).approvalLifts());
        assertEquals(Set.of(Lift.WINDOW, Lift.FREEZE), decide(urgentProduction(), FROZEN_WEEKEND).approvalLifts());
        assertEquals(Set.of(), decide(urgentProduction().mayOverride(true), FRIDAY_10AM).approvalLifts());
        assertEquals(Set.of(), decide(urgentProduction(), THURSDAY_10AM).approvalLifts());
    }

    @Test
    public void approvalLiftsLeavesOutAHoldStandingBeside() {
        Hold hold = new Hold("hold-1", Optional.of("checkout"), BOB, "DB migration running",
                FRIDAY_10AM.minusSeconds(3600), Optional.empty());
        GateDecision d = decide(urgentProduction(), FRIDAY_10AM, hold);
        assertTrue(d.approvalNeeded());
        assertEquals(Set.of(Lift.WINDOW), d.approvalLifts());
    }
}
