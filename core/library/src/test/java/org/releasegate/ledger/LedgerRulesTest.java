package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.prodBuild;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.Reason;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.urgency.UrgencyCategory;

/** The ledger's rules that a team notices: which hold goes, who holds the lock, who keeps their place, what is kept. */
public class LedgerRulesTest {
    private static final Instant T = THURSDAY_10AM;
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    private GateOutcome rc(int number, Person by, GateMode mode, Instant at) {
        return ledger.gate(checkout, rcRequest(number, by), at, mode);
    }

    private List<String> audit(String product) {
        return ledger.audit(product).stream().map(e -> e.action() + " " + e.subject() + ": " + e.detail()).toList();
    }

    @Test
    public void liftingOneOfSeveralHoldsLiftsExactlyThatOne() {
        ledger.placeHold(Optional.of("checkout"), CAROL, "DB migration", Optional.empty(), false, T);
        ledger.placeHold(Optional.of("checkout"), BOB, "load test", Optional.empty(), false, T);
        ledger.placeHold(Optional.of("checkout"), CAROL, "vendor outage", Optional.empty(), false, T);
        LedgerEvent.HoldLifted lifted = (LedgerEvent.HoldLifted) ledger.liftHold("hold-2", BOB, false, T).get(0);
        assertEquals("load test", lifted.hold().reason());
        assertEquals(List.of("hold-1", "hold-3"), ledger.holds().stream().map(Hold::id).toList());
        assertEquals("HOLD_LIFTED hold-2: load test", audit("checkout").get(3));
    }

    @Test
    public void placingAHoldAnnouncesItAndAuditsItsExpiry() {
        List<LedgerEvent> events = ledger.placeHold(Optional.of("checkout"), CAROL, "DB migration",
                Optional.of(T.plusSeconds(3600)), false, T);
        assertEquals(1, events.size());
        assertEquals("DB migration", ((LedgerEvent.HoldPlaced) events.get(0)).hold().reason());
        assertEquals(List.of("HOLD_PLACED hold-1: DB migration (expires 2026-11-26T16:00:00Z)"), audit("checkout"));
    }

    @Test
    public void aProductSeesOnlyItsOwnHoldsAndAuditPlusThoseOnEveryProduct() {
        ledger.placeHold(Optional.of("checkout"), CAROL, "checkout migration", Optional.empty(), false, T);
        ledger.placeHold(Optional.of("search"), BOB, "search reindex", Optional.empty(), false, T);
        ledger.placeHold(Optional.empty(), CAROL, "incident", Optional.empty(), true, T);
        assertEquals(List.of("hold-1", "hold-3"),
                ledger.snapshot("checkout").holds().stream().map(Hold::id).toList());
        assertEquals(List.of("hold-2", "hold-3"), ledger.snapshot("search").holds().stream().map(Hold::id).toList());
        assertEquals(List.of("HOLD_PLACED hold-1: checkout migration", "HOLD_PLACED hold-3: incident"),
                audit("checkout"));
        assertEquals(List.of("HOLD_PLACED hold-2: search reindex", "HOLD_PLACED hold-3: incident"), audit("search"));
    }

    @Test
    public void productionFinishedForAnotherBuildKeepsTheLock() {
        rc(41, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        assertTrue(ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());
        assertEquals(List.of(), ledger.productionFinished(checkout, prodBuild(8), true, T));
        assertEquals(Optional.of(prodBuild(7)), ledger.snapshot("checkout").productionInProgress());
        assertEquals(RcState.IN_FLIGHT, ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow().getState());
        assertFalse(ledger.gate(checkout, production(8, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());

        List<LedgerEvent> done = ledger.productionFinished(checkout, prodBuild(7), true, T);
        assertEquals(1, done.size());
        assertEquals(rcBuild(41), ((LedgerEvent.RcPromoted) done.get(0)).rc().getBuild());
        assertEquals(Optional.empty(), ledger.snapshot("checkout").productionInProgress());
        assertEquals(RcState.PROMOTED, ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow().getState());
    }

    @Test
    public void aReleaseAuditsEveryStepWithWhatItWasAbout() {
        rc(41, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        List<LedgerEvent> finished = ledger.buildFinished(checkout, prodBuild(7), BuildResult.SUCCESS, T);
        assertEquals(1, finished.size());
        assertTrue(finished.get(0) instanceof LedgerEvent.RcPromoted);
        ProductPolicy withoutRc = org.releasegate.Fixtures.checkoutBuilder().releasesWithoutRc(true).build();
        ledger.gate(withoutRc, production(8, ALICE).build(), T, GateMode.ONCE);
        ledger.buildFinished(withoutRc, prodBuild(8), BuildResult.FAILURE, T);
        rc(42, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(42), BuildResult.FAILURE, T);
        assertEquals(List.of(
                "RC_STARTED checkout/release-candidate#41: release manager Bob Baker",
                "RC_DEPLOYED checkout/release-candidate#41: build ended SUCCESS",
                "PRODUCTION_STARTED checkout/deploy-production#7: promotes checkout/release-candidate#41",
                "PRODUCTION_FINISHED checkout/deploy-production#7: succeeded",
                "RC_PROMOTED checkout/release-candidate#41: promoted to production",
                "PRODUCTION_STARTED checkout/deploy-production#8: no release candidate",
                "PRODUCTION_FINISHED checkout/deploy-production#8: did not succeed",
                "RC_STARTED checkout/release-candidate#42: release manager Bob Baker",
                "RC_FAILED checkout/release-candidate#42: build ended FAILURE"), audit("checkout"));
    }

    @Test
    public void urgentCandidateAuditsTheSupersedingAndTheException() {
        rc(41, BOB, GateMode.ONCE, T);
        ledger.gate(checkout, org.releasegate.decision.GateRequest.builder(org.releasegate.decision.Stage.RC)
                .build(rcBuild(42)).requester(ALICE).releaseManager(org.releasegate.Fixtures.managedBy(ALICE))
                .urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).mayOverride(true).build(), T, GateMode.ONCE);
        List<String> trail = audit("checkout");
        assertEquals("RC_SUPERSEDED checkout/release-candidate#41: superseded by checkout/release-candidate#42: "
                + "PRODUCTION_DOWN: INC-4411 checkout returns 500s", trail.get(1));
        assertTrue(trail.get(2), trail.get(2).startsWith("EXCEPTION_USED checkout/release-candidate#42: Urgent exception "
                + "PRODUCTION_DOWN (INC-4411 checkout returns 500s) requested by Alice Archer"));
        assertEquals("RC_STARTED checkout/release-candidate#42: release manager Alice Archer", trail.get(3));
        assertEquals(Optional.of(ALICE), ledger.audit("checkout").get(1).actor());
    }

    @Test
    public void aQueuedBuildThatEndsLeavesTheQueue() {
        rc(41, BOB, GateMode.ONCE, T);
        assertTrue(rc(42, ALICE, GateMode.WAIT, T).queued());
        assertEquals(1, ledger.waiters().get("checkout").size());
        ledger.buildFinished(checkout, rcBuild(42), BuildResult.ABORTED, T.plusSeconds(60));
        assertEquals(Optional.empty(), Optional.ofNullable(ledger.waiters().get("checkout")));
        assertEquals("LEFT_QUEUE checkout/release-candidate#42: build ended ABORTED", audit("checkout").get(2));
    }

    @Test
    public void askingTwiceForTheSameBuildMakesNoSecondCandidate() {
        GateOutcome first = rc(41, BOB, GateMode.ONCE, T);
        GateOutcome again = rc(41, BOB, GateMode.ONCE, T.plusSeconds(60));
        assertTrue(again.decision().isAllowed());
        assertEquals(List.of(), again.events());
        assertEquals(1, ledger.snapshot("checkout").candidates().size());
        assertEquals(T, ledger.snapshot("checkout").candidates().get(0).getStartedAt());
        assertEquals(1, first.events().size());
        assertEquals(1, audit("checkout").size());
    }

    @Test
    public void aQueuedBuildAskingAgainKeepsItsPlace() {
        rc(41, BOB, GateMode.ONCE, T);
        rc(42, ALICE, GateMode.WAIT, T.plusSeconds(1));
        rc(43, CAROL, GateMode.WAIT, T.plusSeconds(2));
        GateOutcome again = rc(42, ALICE, GateMode.WAIT, T.plusSeconds(3));
        assertTrue(again.queued());
        assertEquals(List.of(), again.events());
        assertFalse(again.decision().has(Reason.Code.QUEUED_AHEAD));
        List<Waiter> waiting = ledger.waiters().get("checkout");
        assertEquals(List.of(rcBuild(42), rcBuild(43)), waiting.stream().map(Waiter::build).toList());
        assertEquals(T.plusSeconds(1), waiting.get(0).since());
        Reason ahead = rc(43, CAROL, GateMode.WAIT, T.plusSeconds(4)).decision().reasons().stream()
                .filter(r -> r.code() == Reason.Code.QUEUED_AHEAD).findFirst().orElseThrow();
        assertEquals("1 build is waiting ahead at the gate, first checkout/release-candidate#42", ahead.text());
        assertEquals(Optional.of(ALICE), ahead.owner());
        assertEquals(Optional.of(T.plusSeconds(1)), ahead.since());
        Reason twoAhead = rc(44, BOB, GateMode.WAIT, T.plusSeconds(5)).decision().reasons().stream()
                .filter(r -> r.code() == Reason.Code.QUEUED_AHEAD).findFirst().orElseThrow();
        assertEquals("2 builds are waiting ahead at the gate, first checkout/release-candidate#42", twoAhead.text());
        assertEquals(List.of("RC_STARTED", "QUEUED", "QUEUED", "QUEUED"),
                ledger.audit("checkout").stream().map(e -> e.action().name()).toList());
    }

    @Test
    public void onlyTheNewestClosedCandidatesAreKept() {
        for (int n = 1; n <= ProductLedger.CLOSED_KEPT + 1; n++) {
            rc(n, BOB, GateMode.ONCE, T.plusSeconds(n));
            ledger.reject(checkout, rcBuild(n), CAROL, "broken", "fix it", T.plusSeconds(n));
        }
        LedgerSnapshot s = ledger.snapshot("checkout");
        assertEquals(ProductLedger.CLOSED_KEPT, s.candidates().size());
        assertEquals(Optional.empty(), s.candidate(rcBuild(1)));
        assertTrue(s.candidate(rcBuild(2)).isPresent());
    }

    @Test
    public void supersedingPastTheCapDropsTheOldestClosedCandidate() {
        for (int n = 1; n <= ProductLedger.CLOSED_KEPT; n++) {
            rc(n, BOB, GateMode.ONCE, T.plusSeconds(n));
            ledger.reject(checkout, rcBuild(n), CAROL, "broken", "fix it", T.plusSeconds(n));
        }
        rc(21, BOB, GateMode.ONCE, T.plusSeconds(21));
        ledger.gate(checkout, org.releasegate.decision.GateRequest.builder(org.releasegate.decision.Stage.RC)
                .build(rcBuild(22)).requester(ALICE).releaseManager(org.releasegate.Fixtures.managedBy(ALICE))
                .urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).mayOverride(true).build(), T.plusSeconds(22),
                GateMode.ONCE);
        LedgerSnapshot s = ledger.snapshot("checkout");
        assertEquals(ProductLedger.CLOSED_KEPT + 1, s.candidates().size());
        assertEquals(Optional.empty(), s.candidate(rcBuild(1)));
        assertEquals(RcState.SUPERSEDED, s.candidate(rcBuild(21)).orElseThrow().getState());
    }

    @Test
    public void promotingPastTheCapDropsTheOldestClosedCandidate() {
        for (int n = 1; n <= ProductLedger.CLOSED_KEPT; n++) {
            rc(n, BOB, GateMode.ONCE, T.plusSeconds(n));
            ledger.reject(checkout, rcBuild(n), CAROL, "broken", "fix it", T.plusSeconds(n));
        }
        rc(21, BOB, GateMode.ONCE, T.plusSeconds(21));
        ledger.buildFinished(checkout, rcBuild(21), BuildResult.SUCCESS, T.plusSeconds(21));
        ledger.promote(checkout, rcBuild(21), Optional.of(CAROL), T.plusSeconds(30));
        LedgerSnapshot s = ledger.snapshot("checkout");
        assertEquals(ProductLedger.CLOSED_KEPT, s.candidates().size());
        assertEquals(Optional.empty(), s.candidate(rcBuild(1)));
    }

    @Test
    public void aDroppedCandidateIsForgottenAsStaleToo() {
        rc(1, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(1), BuildResult.SUCCESS, T);
        Instant later = T.plus(Duration.ofDays(8));
        assertEquals(1, ledger.newlyStale(checkout, later).size());
        ledger.reject(checkout, rcBuild(1), CAROL, "stale", "cut a new one", later);
        for (int n = 2; n <= ProductLedger.CLOSED_KEPT + 1; n++) {
            rc(n, BOB, GateMode.ONCE, later.plusSeconds(n));
            ledger.reject(checkout, rcBuild(n), CAROL, "broken", "fix it", later.plusSeconds(n));
        }
        assertEquals(java.util.Set.of(), ledger.export().products().get("checkout").staleAnnounced());
    }

    @Test
    public void anUrgentProductionReleaseAnnouncesAndAuditsItsException() {
        rc(41, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        Instant friday = org.releasegate.Fixtures.FRIDAY_10AM;
        GateOutcome out = ledger.gate(checkout, production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .mayOverride(true).build(), friday, GateMode.ONCE);
        assertTrue(out.decision().isAllowed());
        assertEquals(1, out.events().size());
        assertEquals(prodBuild(7).toString(), ((LedgerEvent.ExceptionUsed) out.events().get(0)).build());
        List<String> trail = audit("checkout");
        assertTrue(trail.get(2), trail.get(2).startsWith("EXCEPTION_USED checkout/deploy-production#7: Urgent exception "
                + "PRODUCTION_DOWN (INC-4411 checkout returns 500s) requested by Alice Archer lifted the production window"));
        assertEquals("PRODUCTION_STARTED checkout/deploy-production#7: promotes checkout/release-candidate#41",
                trail.get(3));
    }

    @Test
    public void aCandidateBuildEndingTwiceMovesItOnce() {
        rc(41, BOB, GateMode.ONCE, T);
        assertEquals(1, ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T).size());
        assertEquals(List.of(), ledger.buildFinished(checkout, rcBuild(41), BuildResult.FAILURE, T.plusSeconds(60)));
        assertEquals(RcState.IN_FLIGHT, ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow().getState());
        assertEquals(2, audit("checkout").size());
    }

    @Test
    public void promotingAuditsEveryOlderCandidateItCloses() {
        rc(41, BOB, GateMode.ONCE, T);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, org.releasegate.decision.GateRequest.builder(org.releasegate.decision.Stage.RC)
                .build(rcBuild(42)).requester(ALICE).releaseManager(org.releasegate.Fixtures.managedBy(ALICE))
                .build(), T.plus(Duration.ofDays(8)), GateMode.ONCE); // 41 is stale: 42 passes beside it
        ledger.buildFinished(checkout, rcBuild(42), BuildResult.SUCCESS, T.plus(Duration.ofDays(8)));
        ledger.promote(checkout, rcBuild(42), Optional.of(CAROL), T.plus(Duration.ofDays(8)));
        List<String> trail = audit("checkout");
        assertEquals("RC_PROMOTED checkout/release-candidate#42: promoted to production", trail.get(trail.size() - 2));
        assertEquals("RC_CLOSED checkout/release-candidate#41: closed: checkout/release-candidate#42 was promoted",
                trail.get(trail.size() - 1));
    }
}
