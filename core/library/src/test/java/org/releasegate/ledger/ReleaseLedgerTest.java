package org.releasegate.ledger;

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
import static org.releasegate.Fixtures.prodBuild;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.IllegalTransitionException;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

public class ReleaseLedgerTest {
    private static final Instant T = THURSDAY_10AM;
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    private GateOutcome rc(int number, org.releasegate.people.Person by, GateMode mode) {
        return ledger.gate(checkout, rcRequest(number, by), T, mode);
    }

    private RcState state(int number) {
        return ledger.snapshot("checkout").candidate(rcBuild(number)).orElseThrow().getState();
    }

    private List<Action> actions() {
        return ledger.audit("checkout").stream().map(AuditEntry::action).toList();
    }

    @Test
    public void allowedRcIsRecordedAndAnnounced() {
        GateOutcome out = rc(41, ALICE, GateMode.ONCE);
        assertTrue(out.decision().isAllowed());
        assertEquals(RcState.RUNNING, state(41));
        assertEquals(1, out.events().size());
        assertTrue(out.events().get(0) instanceof LedgerEvent.RcStarted);
        assertEquals(List.of(Action.RC_STARTED), actions());
    }

    @Test
    public void dryRunChangesNothing() {
        GateOutcome out = rc(41, ALICE, GateMode.DRY_RUN);
        assertTrue(out.decision().isAllowed());
        assertTrue(out.events().isEmpty());
        assertTrue(ledger.snapshot("checkout").candidates().isEmpty());
        assertTrue(ledger.audit("checkout").isEmpty());
    }

    @Test
    public void secondRcIsBlockedAndTheBlockIsAudited() {
        rc(41, ALICE, GateMode.ONCE);
        GateOutcome out = rc(42, BOB, GateMode.ONCE);
        assertFalse(out.decision().isAllowed());
        assertFalse(out.queued());
        assertTrue(out.events().get(0) instanceof LedgerEvent.Blocked);
        assertEquals(List.of(Action.RC_STARTED, Action.BLOCKED), actions());
    }

    @Test
    public void exactlyOneOfManySimultaneousRcsPasses() throws Exception {
        for (int round = 0; round < 50; round++) {
            ReleaseLedger shared = new ReleaseLedger();
            int threads = 16;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int number = 100 + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return shared.gate(checkout, rcRequest(number, ALICE), T, GateMode.ONCE).decision().isAllowed();
                }));
            }
            start.countDown();
            int passed = 0;
            for (Future<Boolean> f : results) {
                passed += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertEquals("round " + round, 1, passed);
            assertEquals(1, shared.snapshot("checkout").open().size());
        }
    }

    @Test
    public void failedRcFreesTheProductAndTheFirstWaiterPasses() {
        rc(41, ALICE, GateMode.ONCE);
        GateOutcome waiting = rc(42, BOB, GateMode.WAIT);
        assertTrue(waiting.queued());
        assertEquals(1, waiting.events().size()); // announced once, when it joins the queue
        assertTrue(rc(42, BOB, GateMode.WAIT).events().isEmpty()); // asking again announces nothing
        rc(43, CAROL, GateMode.WAIT);
        List<LedgerEvent> events = ledger.buildFinished(checkout, rcBuild(41), BuildResult.FAILURE, T.plusSeconds(60));
        assertTrue(events.get(0) instanceof LedgerEvent.RcFailed);
        assertEquals(RcState.FAILED, state(41));
        assertEquals(List.of(rcBuild(42), rcBuild(43)),
                ledger.waiters().get("checkout").stream().map(Waiter::build).toList());
        assertFalse("43 waits behind 42", rc(43, CAROL, GateMode.WAIT).decision().isAllowed());
        assertTrue(rc(42, BOB, GateMode.WAIT).decision().isAllowed());
        assertEquals(List.of(rcBuild(43)), ledger.waiters().get("checkout").stream().map(Waiter::build).toList());
    }

    @Test
    public void successfulRcGoesInFlightAndKeepsTheProduct() {
        rc(41, ALICE, GateMode.ONCE);
        List<LedgerEvent> events = ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        assertEquals(List.of(LedgerEvent.RcDeployed.class), events.stream().map(Object::getClass).toList());
        assertEquals(RcState.IN_FLIGHT, state(41));
        assertFalse(rc(42, BOB, GateMode.ONCE).decision().isAllowed());
    }

    @Test
    public void urgentRcTellsTheTeamBeforeItClosesTheOldOne() {
        rc(41, BOB, GateMode.ONCE);
        GateRequest urgentRc = GateRequest.builder(Stage.RC).build(rcBuild(42)).requester(ALICE)
                .releaseManager(Fixtures.managedBy(ALICE)).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).build();
        GateOutcome out = ledger.gate(checkout, urgentRc, T, GateMode.ONCE);
        assertEquals(List.of(LedgerEvent.RcSuperseded.class, LedgerEvent.ExceptionUsed.class, LedgerEvent.RcStarted.class),
                out.events().stream().map(Object::getClass).toList());
        LedgerEvent.RcSuperseded s = (LedgerEvent.RcSuperseded) out.events().get(0);
        assertEquals(rcBuild(41), s.closed().getBuild());
        assertEquals(rcBuild(42), s.newer().getBuild());
        assertEquals(RcState.SUPERSEDED, state(41));
        assertEquals(RcState.RUNNING, state(42));
        assertTrue(actions().containsAll(List.of(Action.RC_SUPERSEDED, Action.EXCEPTION_USED)));
    }

    @Test
    public void productionLockAndPromotionWhenTheBuildSucceeds() {
        rc(41, BOB, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        assertTrue(ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());
        assertFalse("one production release at a time",
                ledger.gate(checkout, production(8, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());
        List<LedgerEvent> events = ledger.buildFinished(checkout, prodBuild(7), BuildResult.SUCCESS, T.plusSeconds(600));
        assertTrue(events.get(0) instanceof LedgerEvent.RcPromoted);
        assertEquals(RcState.PROMOTED, state(41));
        assertEquals(Optional.empty(), ledger.snapshot("checkout").productionInProgress());
    }

    @Test
    public void failedProductionReleaseFreesTheLockWithoutPromoting() {
        rc(41, BOB, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", prodBuild(7),
                "its production release ended without promoting")),
                ledger.productionFinished(checkout, prodBuild(7), false, T));
        assertEquals(RcState.IN_FLIGHT, state(41));
        assertTrue(ledger.gate(checkout, production(8, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());
    }

    @Test
    public void promotionClosesEveryOlderRc() {
        ReleaseLedger l = ReleaseLedger.from(new LedgerData(java.util.Map.of("checkout", new LedgerData.Product(
                List.of(Fixtures.inFlight(42, ALICE, T), Fixtures.inFlight(41, BOB, T.minusSeconds(600)),
                        Fixtures.inFlight(40, CAROL, T.minusSeconds(1200))),
                List.of(), Optional.empty(), Optional.empty(), java.util.Set.of())), List.of(), List.of(), 1));
        LedgerEvent.RcPromoted promoted = (LedgerEvent.RcPromoted) l.promote(checkout, rcBuild(41), Optional.of(CAROL), T).get(0);
        assertEquals(List.of(rcBuild(40)), promoted.closed().stream().map(ReleaseCandidate::getBuild).toList());
        LedgerSnapshot s = l.snapshot("checkout");
        assertEquals(RcState.IN_FLIGHT, s.candidate(rcBuild(42)).orElseThrow().getState());
        assertEquals(RcState.SUPERSEDED, s.candidate(rcBuild(40)).orElseThrow().getState());
    }

    @Test
    public void rejectAndHandOverAreAuditedAndAnnounced() {
        rc(41, BOB, GateMode.ONCE);
        assertTrue(ledger.handOver(checkout, rcBuild(41), CAROL, BOB, false, T).get(0) instanceof LedgerEvent.HandedOver);
        assertThrows(IllegalTransitionException.class, () -> ledger.handOver(checkout, rcBuild(41), ALICE, BOB, false, T));
        LedgerEvent e = ledger.reject(checkout, rcBuild(41), CAROL, "totals wrong", "fix in #42", T).get(0);
        assertTrue(e instanceof LedgerEvent.RcRejected);
        assertEquals(RcState.REJECTED, state(41));
        assertTrue(actions().containsAll(List.of(Action.HANDED_OVER, Action.RC_REJECTED)));
        assertThrows(IllegalTransitionException.class, () -> ledger.reject(checkout, rcBuild(99), CAROL, "x", "y", T));
    }

    @Test
    public void holdsArePlacedLiftedAndExpired() {
        ledger.placeHold(Optional.of("checkout"), CAROL, "DB migration", Optional.empty(), false, T);
        assertFalse(rc(41, ALICE, GateMode.ONCE).decision().isAllowed());
        HoldPermissionException refused = assertThrows(HoldPermissionException.class,
                () -> ledger.liftHold("hold-1", ALICE, false, T));
        assertTrue(refused.getMessage(), refused.getMessage().contains("only Carol Chen or someone with the Hold permission"));
        assertTrue(ledger.liftHold("hold-1", CAROL, false, T).get(0) instanceof LedgerEvent.HoldLifted);
        assertTrue(rc(41, ALICE, GateMode.ONCE).decision().isAllowed());

        ledger.placeHold(Optional.of("checkout"), CAROL, "release freeze talk", Optional.of(T.plusSeconds(60)), false, T);
        assertTrue(ledger.expireHolds(T.plusSeconds(59)).isEmpty());
        assertTrue(ledger.expireHolds(T.plusSeconds(60)).get(0) instanceof LedgerEvent.HoldExpired);
        assertTrue(ledger.holds().isEmpty());

        ledger.placeHold(Optional.of("checkout"), CAROL, "again", Optional.empty(), false, T);
        // Someone allowed to manage holds lifts anyone's.
        assertTrue(ledger.liftHold("hold-3", ALICE, true, T).get(0) instanceof LedgerEvent.HoldLifted);
        assertEquals(List.of(Action.HOLD_PLACED, Action.BLOCKED, Action.HOLD_LIFTED, Action.RC_STARTED,
                Action.HOLD_PLACED, Action.HOLD_EXPIRED, Action.HOLD_PLACED, Action.HOLD_LIFTED), actions());
    }

    @Test
    public void holdOnEveryProductNeedsTheRight() {
        assertThrows(HoldPermissionException.class,
                () -> ledger.placeHold(Optional.empty(), CAROL, "incident", Optional.empty(), false, T));
        assertTrue(ledger.holds().isEmpty());
        ledger.placeHold(Optional.empty(), CAROL, "incident", Optional.empty(), true, T);
        assertFalse(rc(41, ALICE, GateMode.ONCE).decision().isAllowed());
        assertEquals(1, ledger.snapshot("search").holds().size());
    }

    @Test
    public void staleRcIsAnnouncedOnce() {
        rc(41, BOB, GateMode.ONCE);
        Instant later = T.plus(Duration.ofDays(8));
        assertTrue(ledger.newlyStale(checkout, T).isEmpty());
        assertEquals(1, ledger.newlyStale(checkout, later).size());
        assertTrue(ledger.newlyStale(checkout, later.plusSeconds(3600)).isEmpty());
    }

    @Test
    public void exportAndRestoreKeepEverything() {
        rc(41, BOB, GateMode.ONCE);
        rc(42, ALICE, GateMode.WAIT);
        ledger.placeHold(Optional.of("checkout"), CAROL, "DB migration", Optional.empty(), false, T);
        LedgerData data = ledger.export();
        ReleaseLedger restored = ReleaseLedger.from(data);
        assertEquals(data, restored.export());
        assertEquals(ledger.snapshot("checkout").queue(), restored.snapshot("checkout").queue());
        restored.placeHold(Optional.of("checkout"), CAROL, "next", Optional.empty(), false, T);
        assertEquals("hold-2", restored.holds().get(1).id());
    }

    @Test
    public void waiterThatGivesUpLeavesTheQueue() {
        rc(41, BOB, GateMode.ONCE);
        rc(42, ALICE, GateMode.WAIT);
        ledger.leaveQueue("checkout", rcBuild(42), T, "aborted");
        assertTrue(ledger.waiters().isEmpty());
        assertEquals(Action.LEFT_QUEUE, actions().get(actions().size() - 1));
    }

    @Test
    public void outsideTheWindowProductionIsBlockedAndAudited() {
        rc(41, BOB, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        GateOutcome out = ledger.gate(checkout, production(7, ALICE).build(), FRIDAY_10AM, GateMode.ONCE);
        assertFalse(out.decision().isAllowed());
        AuditEntry last = ledger.audit("checkout").get(ledger.audit("checkout").size() - 1);
        assertEquals(Action.BLOCKED, last.action());
        assertEquals("checkout/deploy-production#7", last.subject());
        assertTrue(last.detail(), last.detail().contains("outside the production window"));
    }

    @Test
    public void versionCountsChangesOnly() {
        long start = ledger.version();
        rc(41, BOB, GateMode.ONCE);
        long afterRc = ledger.version();
        assertTrue(afterRc > start);
        rc(42, ALICE, GateMode.WAIT);
        long queuedAt = ledger.version();
        rc(42, ALICE, GateMode.WAIT); // still waiting: nothing new
        assertEquals(queuedAt, ledger.version());
        rc(42, ALICE, GateMode.DRY_RUN);
        assertEquals(queuedAt, ledger.version());
        assertTrue(ledger.newlyStale(checkout, T.plus(Duration.ofDays(8))).size() > 0);
        assertTrue(ledger.version() > queuedAt);
    }
}
