package org.releasegate.decision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.MONDAY_8AM;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.prodBuild;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.started;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.ledger.Waiter;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

public class ReleaseGateTest {
    private static final Instant T = THURSDAY_10AM;

    private static LedgerSnapshot ledger(List<ReleaseCandidate> rcs, List<Hold> holds, List<Waiter> queue) {
        return new LedgerSnapshot("checkout", rcs, holds, queue, Optional.empty());
    }

    private static LedgerSnapshot ledger(ReleaseCandidate... rcs) {
        return ledger(List.of(rcs), List.of(), List.of());
    }

    private static GateDecision decide(GateRequest request, LedgerSnapshot ledger, Instant at) {
        return ReleaseGate.decide(checkout(), request, ledger, at);
    }

    private static Hold hold(Person author, Optional<Instant> expires) {
        return new Hold("hold-1", Optional.of("checkout"), author, "DB migration running", T.minusSeconds(3600), expires);
    }

    private static Reason only(GateDecision d) {
        assertEquals(d.reasons().toString(), 1, d.reasons().size());
        return d.reasons().get(0);
    }

    // --- release candidates

    @Test
    public void rcIsAllowedAnyTimeWhenNothingIsInFlight() {
        GateDecision d = decide(rcRequest(42, ALICE), LedgerSnapshot.empty("checkout"), FRIDAY_10AM);
        assertEquals(Verdict.ALLOWED, d.verdict());
        assertEquals(Optional.of(ALICE), d.releaseManager().orElseThrow().person());
        assertTrue(d.warnings().isEmpty());
    }

    @Test
    public void rcInFlightBlocksANonUrgentRcAndNamesItsReleaseManager() {
        GateDecision d = decide(rcRequest(42, ALICE), ledger(inFlight(41, BOB, T.minusSeconds(7200))), T);
        assertEquals(Verdict.BLOCKED, d.verdict());
        Reason r = only(d);
        assertEquals(Reason.Code.RC_IN_FLIGHT, r.code());
        assertEquals(Optional.of(BOB), r.owner());
        assertEquals(Optional.of(rcBuild(41)), r.build());
        assertEquals(Optional.of(T.minusSeconds(7200)), r.since());
        assertTrue(r.text(), r.text().contains("in flight on CI/QA (release manager Bob Baker)"));
        assertEquals(Optional.empty(), d.earliestPass());
        assertEquals(List.of(BOB), d.concerned());
    }

    @Test
    public void runningRcBlocksToo() {
        Reason r = only(decide(rcRequest(42, ALICE), ledger(started(41, BOB, T)), T));
        assertTrue(r.text(), r.text().contains("is still running"));
    }

    @Test
    public void closedRcsDoNotBlock() {
        ReleaseCandidate rejected = inFlight(40, BOB, T).reject(CAROL, T, "bad", "redo");
        ReleaseCandidate promoted = inFlight(41, BOB, T).promote(Optional.empty(), T);
        assertTrue(decide(rcRequest(42, ALICE), ledger(promoted, rejected), T).isAllowed());
    }

    @Test
    public void askingAgainAsTheRcChangesNothing() {
        GateDecision d = decide(rcRequest(41, BOB), ledger(started(41, BOB, T)), T);
        assertTrue(d.isAllowed());
        assertTrue(d.inFlight().isEmpty());
    }

    @Test
    public void urgentRcSupersedesAndNamesWhatItCloses() {
        GateRequest request = GateRequest.builder(Stage.RC).build(rcBuild(42)).requester(ALICE)
                .releaseManager(Fixtures.managedBy(ALICE)).urgency(urgent(UrgencyCategory.CRITICAL_PATH_BUG)).build();
        GateDecision d = decide(request, ledger(inFlight(41, BOB, T)), T);
        assertTrue(d.isAllowed());
        assertEquals(List.of(rcBuild(41)), d.supersedes().stream().map(ReleaseCandidate::getBuild).toList());
        assertEquals(Optional.of(BOB), d.supersedes().get(0).getReleaseManager().person());
        AppliedUrgency applied = d.exception().orElseThrow();
        assertEquals(EnumSet.of(Lift.RC_IN_FLIGHT), applied.lifted());
        assertEquals(Optional.of(ALICE), applied.requester());
    }

    @Test
    public void urgencyThatMayNotSupersedeStaysBlocked() {
        ProductPolicy policy = Fixtures.checkoutBuilder().exceptionReach(ExceptionReach.defaults()
                .with(UrgencyCategory.URGENT_DELIVERY, EnumSet.of(Lift.WINDOW))).build();
        GateRequest request = GateRequest.builder(Stage.RC).build(rcBuild(42))
                .urgency(urgent(UrgencyCategory.URGENT_DELIVERY)).build();
        GateDecision d = ReleaseGate.decide(policy, request, ledger(inFlight(41, BOB, T)), T);
        assertFalse(d.isAllowed());
        assertTrue(only(d).text(), only(d).text().contains("urgency URGENT_DELIVERY may not supersede it"));
        assertTrue(d.supersedes().isEmpty());
    }

    @Test
    public void staleRcNoLongerBlocksButIsWarnedAbout() {
        ReleaseCandidate old = inFlight(41, BOB, T.minus(Duration.ofDays(8)));
        GateDecision d = decide(rcRequest(42, ALICE), ledger(old), T);
        assertTrue(d.isAllowed());
        assertEquals(1, d.warnings().size());
        Warning w = d.warnings().get(0);
        assertEquals(Warning.Code.STALE_RC, w.code());
        assertEquals(Optional.of(BOB), w.person());
        assertTrue(w.text(), w.text().contains("longer than 7d (release manager Bob Baker)"));
    }

    @Test
    public void unassignedReleaseManagerIsWarnedAbout() {
        GateRequest request = GateRequest.builder(Stage.RC).build(rcBuild(42)).build();
        GateDecision d = decide(request, LedgerSnapshot.empty("checkout"), T);
        assertTrue(d.isAllowed());
        assertEquals(Warning.Code.UNASSIGNED_RELEASE_MANAGER, d.warnings().get(0).code());
        // A what-if with no build names no RC, so nobody is missing.
        assertTrue(decide(GateRequest.builder(Stage.RC).build(), LedgerSnapshot.empty("checkout"), T).warnings().isEmpty());
        ReleaseCandidate nobody = ReleaseCandidate.started(rcBuild(41), "checkout", ReleaseManager.unassigned(),
                List.of(), Optional.empty(), T);
        GateDecision prod = decide(production(7, ALICE).mayOverride(false).build(), ledger(nobody), T);
        assertTrue(prod.warnings().stream().anyMatch(w -> w.code() == Warning.Code.UNASSIGNED_RELEASE_MANAGER));
    }

    // --- holds

    @Test
    public void holdBlocksRcAndProductionAndNamesItsAuthor() {
        LedgerSnapshot held = ledger(List.of(inFlight(41, BOB, T)), List.of(hold(CAROL, Optional.empty())), List.of());
        Reason rc = only(decide(rcRequest(42, ALICE), ledger(List.of(), held.holds(), List.of()), T));
        assertEquals(Reason.Code.HOLD, rc.code());
        assertEquals(Optional.of(CAROL), rc.owner());
        assertEquals(Optional.of("hold-1"), rc.holdId());
        assertEquals("hold by Carol Chen: DB migration running", rc.text());
        GateDecision prod = decide(production(7, ALICE).build(), held, T);
        assertEquals(Reason.Code.HOLD, only(prod).code());
    }

    @Test
    public void urgentExceptionDoesNotLiftAHold() {
        LedgerSnapshot held = ledger(List.of(inFlight(41, BOB, T)), List.of(hold(CAROL, Optional.empty())), List.of());
        GateDecision d = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).mayOverride(true)
                .build(), held, FRIDAY_10AM);
        assertEquals(List.of(Reason.Code.HOLD), d.reasons().stream().map(Reason::code).toList());
        assertFalse(d.approvalNeeded());
    }

    @Test
    public void expiredHoldsAndOtherProductsHoldsDoNotBlock() {
        Hold expired = hold(CAROL, Optional.of(T.minusSeconds(1)));
        Hold elsewhere = new Hold("hold-2", Optional.of("search"), CAROL, "reindex", T.minusSeconds(60), Optional.empty());
        assertTrue(decide(rcRequest(42, ALICE), ledger(List.of(), List.of(expired, elsewhere), List.of()), T).isAllowed());
    }

    @Test
    public void holdOnEveryProductBlocks() {
        Hold all = new Hold("hold-3", Optional.empty(), CAROL, "incident review", T.minusSeconds(60), Optional.empty());
        Reason r = only(decide(rcRequest(42, ALICE), ledger(List.of(), List.of(all), List.of()), T));
        assertEquals("hold by Carol Chen on every product: incident review", r.text());
    }

    @Test
    public void holdWithExpiryGivesTheEarliestPass() {
        Instant expiry = T.plusSeconds(1800);
        GateDecision d = decide(rcRequest(42, ALICE), ledger(List.of(), List.of(hold(CAROL, Optional.of(expiry))), List.of()), T);
        assertEquals(Optional.of(expiry), d.earliestPass());
        // Production: a hold expiring after Thursday's window closes moves the earliest pass to Monday's opening.
        Instant late = Instant.parse("2026-11-26T21:30:00Z");
        GateDecision prod = decide(production(7, ALICE).build(),
                ledger(List.of(inFlight(41, BOB, T)), List.of(hold(CAROL, Optional.of(late))), List.of()), T);
        assertEquals(Optional.of(MONDAY_8AM), prod.earliestPass());
    }

    // --- production

    @Test
    public void productionInsideTheWindowPromotesTheOneRcInFlight() {
        GateDecision d = decide(production(7, ALICE).build(), ledger(inFlight(41, BOB, T)), T);
        assertTrue(d.isAllowed());
        assertEquals(Optional.of(rcBuild(41)), d.promotes().map(ReleaseCandidate::getBuild));
        assertEquals(Optional.of(BOB), d.releaseManager().flatMap(ReleaseManager::person));
    }

    @Test
    public void productionOutsideTheWindowSaysWhenItOpens() {
        GateDecision d = decide(production(7, ALICE).build(), ledger(inFlight(41, BOB, T)), FRIDAY_10AM);
        Reason r = only(d);
        assertEquals(Reason.Code.OUTSIDE_WINDOW, r.code());
        assertEquals("outside the production window (Mon-Thu 08:00-16:00 America/New_York)", r.text());
        assertEquals(Optional.of(MONDAY_8AM), r.until());
        assertEquals(Optional.of(MONDAY_8AM), d.earliestPass());
        assertFalse(d.approvalNeeded());
    }

    @Test
    public void freezeBlocksAndNamesItself() {
        Instant frozen = Instant.parse("2026-12-22T15:00:00Z");
        GateDecision d = decide(production(7, ALICE).build(), ledger(inFlight(41, BOB, frozen)), frozen);
        Reason r = only(d);
        assertEquals(Reason.Code.FREEZE, r.code());
        assertEquals("freeze 2026-12-21..2027-01-04 Holiday freeze", r.text());
        assertEquals(Optional.of(Instant.parse("2027-01-05T05:00:00Z")), r.until());
        assertEquals(Optional.of(Instant.parse("2027-01-05T13:00:00Z")), d.earliestPass());
    }

    @Test
    public void urgentExceptionWithOverrideLiftsTheWindow() {
        GateDecision d = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.URGENT_DELIVERY)).mayOverride(true)
                .build(), ledger(inFlight(41, BOB, T)), FRIDAY_10AM);
        assertTrue(d.isAllowed());
        assertEquals(EnumSet.of(Lift.WINDOW), d.exception().orElseThrow().lifted());
        assertEquals(Optional.empty(), d.exception().orElseThrow().approvedBy());
    }

    @Test
    public void urgentExceptionWithoutOverrideNeedsApproval() {
        GateDecision d = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).build(),
                ledger(inFlight(41, BOB, T)), FRIDAY_10AM);
        assertFalse(d.isAllowed());
        assertTrue(d.approvalNeeded());
        assertEquals(Reason.Code.OUTSIDE_WINDOW, only(d).code());
        assertEquals(Optional.empty(), d.exception());
    }

    @Test
    public void approvalBySomeoneWithOverrideIsRecorded() {
        GateDecision d = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .approval(new Approval("checkout", Stage.PRODUCTION, UrgencyCategory.PRODUCTION_DOWN,
                        EnumSet.of(Lift.WINDOW), CAROL))
                .build(), ledger(inFlight(41, BOB, T)), FRIDAY_10AM);
        assertTrue(d.isAllowed());
        assertEquals(Optional.of(CAROL), d.exception().orElseThrow().approvedBy());
    }

    @Test
    public void eachCategoryReachesWhatThePolicySays() {
        Instant frozen = Instant.parse("2026-12-22T15:00:00Z");
        for (UrgencyCategory c : UrgencyCategory.values()) {
            GateDecision d = decide(production(7, ALICE).urgency(urgent(c)).mayOverride(true).build(),
                    ledger(inFlight(41, BOB, frozen)), frozen);
            assertEquals(c.name(), c != UrgencyCategory.URGENT_DELIVERY, d.isAllowed());
        }
        ProductPolicy strict = Fixtures.checkoutBuilder().exceptionReach(ExceptionReach.defaults()
                .with(UrgencyCategory.PRODUCTION_DOWN, EnumSet.of(Lift.FREEZE))).build();
        GateDecision outside = ReleaseGate.decide(strict, production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .mayOverride(true).build(), ledger(inFlight(41, BOB, T)), FRIDAY_10AM);
        assertFalse(outside.isAllowed());
        assertFalse(outside.approvalNeeded());
    }

    @Test
    public void freezeAndWindowBothLiftedOnlyWhenTheCategoryReachesBoth() {
        Instant frozenSaturday = Instant.parse("2026-12-26T15:00:00Z");
        Instant beforeTheFreeze = Instant.parse("2026-12-18T15:00:00Z"); // an RC started at T would have expired
        GateDecision d = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.URGENT_DELIVERY)).mayOverride(true)
                .build(), ledger(inFlight(41, BOB, beforeTheFreeze)), frozenSaturday);
        assertEquals(List.of(Reason.Code.OUTSIDE_WINDOW, Reason.Code.FREEZE), d.reasons().stream().map(Reason::code).toList());
        GateDecision down = decide(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).mayOverride(true)
                .build(), ledger(inFlight(41, BOB, beforeTheFreeze)), frozenSaturday);
        assertEquals(EnumSet.of(Lift.WINDOW, Lift.FREEZE), down.exception().orElseThrow().lifted());
    }

    @Test
    public void nothingToPromoteBlocksUnlessTheProductReleasesWithoutRcs() {
        Reason r = only(decide(production(7, ALICE).build(), LedgerSnapshot.empty("checkout"), T));
        assertEquals(Reason.Code.NOTHING_TO_PROMOTE, r.code());
        ProductPolicy noRcs = Fixtures.checkoutBuilder().releasesWithoutRc(true).build();
        GateDecision d = ReleaseGate.decide(noRcs, production(7, ALICE).build(), LedgerSnapshot.empty("checkout"), T);
        assertTrue(d.isAllowed());
        assertEquals(Optional.empty(), d.promotes());
    }

    @Test
    public void severalInFlightAskForAName() {
        LedgerSnapshot two = ledger(inFlight(42, ALICE, T.minusSeconds(60)), inFlight(41, BOB, T.minusSeconds(3600)));
        Reason r = only(decide(production(7, ALICE).build(), two, T));
        assertEquals(Reason.Code.CANDIDATE_REQUIRED, r.code());
        assertTrue(r.text(), r.text().contains("checkout/release-candidate#42, checkout/release-candidate#41"));
        GateDecision named = decide(production(7, ALICE).candidate(Optional.of(rcBuild(41))).build(), two, T);
        assertEquals(Optional.of(rcBuild(41)), named.promotes().map(ReleaseCandidate::getBuild));
    }

    @Test
    public void runningRcIsNotTheOneInFlight() {
        Reason r = only(decide(production(7, ALICE).build(), ledger(started(42, ALICE, T)), T));
        assertEquals(Reason.Code.NOTHING_TO_PROMOTE, r.code());
        Reason named = only(decide(production(7, ALICE).candidate(Optional.of(rcBuild(42))).build(),
                ledger(started(42, ALICE, T)), T));
        assertTrue(named.text(), named.text().contains("is still running"));
    }

    @Test
    public void theBuildItselfIsPromotedWhenItIsTheRc() {
        GateRequest sameBuild = GateRequest.builder(Stage.PRODUCTION).build(rcBuild(42)).requester(ALICE).build();
        GateDecision d = decide(sameBuild, ledger(started(42, ALICE, T), inFlight(41, BOB, T.minusSeconds(600))), T);
        assertEquals(Optional.of(rcBuild(42)), d.promotes().map(ReleaseCandidate::getBuild));
    }

    @Test
    public void closedCandidatesCannotBePromotedAndSayWhy() {
        ReleaseCandidate rejected = inFlight(41, BOB, T).reject(CAROL, T, "totals wrong", "fix in #43");
        Reason r = only(decide(production(7, ALICE).candidate(Optional.of(rcBuild(41))).build(), ledger(rejected), T));
        assertEquals(Reason.Code.CANDIDATE_UNAVAILABLE, r.code());
        assertTrue(r.text(), r.text().contains("is REJECTED (totals wrong, by Carol Chen) and cannot be promoted"));
        Reason unknown = only(decide(production(7, ALICE).candidate(Optional.of(rcBuild(9))).build(), ledger(rejected), T));
        assertTrue(unknown.text(), unknown.text().contains("is not a release candidate of checkout"));
    }

    @Test
    public void staleRcCanBePromotedOnlyWhileNewestInFlight() {
        ReleaseCandidate stale = inFlight(41, BOB, T.minus(Duration.ofDays(9)));
        assertTrue(decide(production(7, ALICE).candidate(Optional.of(rcBuild(41))).build(), ledger(stale), T).isAllowed());
        ReleaseCandidate newer = inFlight(42, ALICE, T.minusSeconds(600));
        Reason r = only(decide(production(7, ALICE).candidate(Optional.of(rcBuild(41))).build(), ledger(newer, stale), T));
        assertTrue(r.text(), r.text().contains("is stale and a newer release candidate is in flight"));
    }

    @Test
    public void oneProductionReleaseAtATime() {
        LedgerSnapshot busy = new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, T)), List.of(), List.of(),
                Optional.of(prodBuild(6)));
        Reason r = only(decide(production(7, ALICE).build(), busy, T));
        assertEquals(Reason.Code.PRODUCTION_IN_PROGRESS, r.code());
        assertTrue(decide(production(6, ALICE).build(), busy, T).isAllowed());
    }

    // --- queue and binding

    @Test
    public void waitersAheadGoFirstAndUrgentOnesBeforeThem() {
        Waiter early = new Waiter(rcBuild(40), Stage.RC, false, T.minusSeconds(600), Optional.of(BOB));
        Reason r = only(decide(rcRequest(42, ALICE), ledger(List.of(), List.of(), List.of(early)), T));
        assertEquals(Reason.Code.QUEUED_AHEAD, r.code());
        assertEquals(Optional.of(rcBuild(40)), r.build());
        // The first waiter itself passes.
        assertTrue(decide(rcRequest(40, BOB), ledger(List.of(), List.of(), List.of(early)), T).isAllowed());
        // An urgent newcomer goes before non-urgent waiters.
        GateRequest urgentRc = GateRequest.builder(Stage.RC).build(rcBuild(42)).requester(ALICE)
                .releaseManager(Fixtures.managedBy(ALICE)).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).build();
        assertTrue(decide(urgentRc, ledger(List.of(), List.of(), List.of(early)), T).isAllowed());
        // Waiters for production do not hold up RCs.
        Waiter prod = new Waiter(prodBuild(5), Stage.PRODUCTION, false, T.minusSeconds(600), Optional.of(BOB));
        assertTrue(decide(rcRequest(42, ALICE), ledger(List.of(), List.of(), List.of(prod)), T).isAllowed());
    }

    @Test
    public void unboundJobsAndPullRequestsCannotClaimTheProduct() {
        GateRequest other = GateRequest.builder(Stage.RC).build(new BuildRef("search/release", 3)).build();
        Reason r = only(decide(other, LedgerSnapshot.empty("checkout"), T));
        assertEquals(Reason.Code.NOT_BOUND, r.code());
        assertTrue(r.text(), r.text().contains("job search/release is not bound to checkout"));
        GateRequest pr = GateRequest.builder(Stage.RC).build(rcBuild(3)).changeRequest(true).build();
        assertEquals("pull-request builds cannot release checkout", only(decide(pr, LedgerSnapshot.empty("checkout"), T)).text());
    }

    @Test
    public void withoutHistoryCandidatesAreLeftOutAndSaidSo() {
        GateRequest whatIf = GateRequest.builder(Stage.PRODUCTION).candidatesKnown(false).build();
        GateDecision d = decide(whatIf, LedgerSnapshot.empty("checkout"), T);
        assertTrue(d.isAllowed());
        assertEquals(Warning.Code.CANDIDATES_UNKNOWN, d.warnings().get(0).code());
        assertFalse(decide(whatIf, LedgerSnapshot.empty("checkout"), FRIDAY_10AM).isAllowed());
        GateRequest rcWhatIf = GateRequest.builder(Stage.RC).candidatesKnown(false).build();
        assertTrue(decide(rcWhatIf, ledger(inFlight(41, BOB, T)), T).isAllowed());
    }
}
