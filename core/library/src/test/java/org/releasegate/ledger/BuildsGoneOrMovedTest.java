package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.PROD_JOB;
import static org.releasegate.Fixtures.RC_JOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.NY;
import static org.releasegate.Fixtures.prodBuild;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.urgent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.policy.JobPattern;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.WindowSpec;
import org.releasegate.urgency.UrgencyCategory;

/** Builds that are deleted let go of what they held; jobs that move take their references with them. */
public class BuildsGoneOrMovedTest {
    private static final Instant T = THURSDAY_10AM;
    private static final Instant LATER = T.plusSeconds(3600);
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    private LedgerSnapshot snapshot() {
        return ledger.snapshot("checkout");
    }

    private List<AuditEntry> audit(Action action) {
        return ledger.audit("checkout").stream().filter(e -> e.action() == action).toList();
    }

    @Test
    public void aDeletedRcInFlightIsClosedAsRemovedAndFreesTheProduct() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        List<LedgerEvent> events = ledger.buildRemoved(rcBuild(41), LATER);
        assertEquals(1, events.size());
        ReleaseCandidate removed = ((LedgerEvent.RcRemoved) events.get(0)).rc();
        assertEquals(RcState.REMOVED, removed.getState());
        assertEquals(LATER, removed.getClosure().orElseThrow().at());
        assertEquals(RcState.REMOVED, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
        assertTrue("the next RC passes", ledger.gate(checkout, rcRequest(42, BOB), LATER, GateMode.ONCE).decision()
                .isAllowed());
        AuditEntry entry = audit(Action.BUILD_REMOVED).get(0);
        assertEquals(rcBuild(41).toString(), entry.subject());
        assertEquals("build deleted: its release candidate (IN_FLIGHT) was closed", entry.detail());
        assertEquals(LATER, entry.at());
        assertEquals(Optional.of("checkout"), entry.product());
    }

    @Test
    public void aDeletedRunningRcIsRemovedToo() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildRemoved(rcBuild(41), LATER);
        assertEquals(RcState.REMOVED, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
    }

    @Test
    public void aClosedRcStaysAsItWas() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.FAILURE, T);
        long version = ledger.version();
        assertEquals(List.of(), ledger.buildRemoved(rcBuild(41), LATER));
        assertEquals(RcState.FAILED, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
        assertEquals("nothing to save", version, ledger.version());
    }

    @Test
    public void aDeletedProductionReleaseFreesTheLockWithoutPromoting() {
        ledger.gate(checkout, rcRequest(41, CAROL), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        List<LedgerEvent> events = ledger.buildRemoved(prodBuild(7), LATER);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", prodBuild(7), "its production release was deleted")),
                events);
        assertEquals(Optional.empty(), snapshot().productionInProgress());
        assertEquals(RcState.IN_FLIGHT, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
        assertEquals("build deleted: its production release let go of the production lock",
                audit(Action.BUILD_REMOVED).get(0).detail());
        // The promotion it was to make is forgotten: a later release of the same lock promotes nothing of it.
        ledger.gate(checkout, production(8, ALICE).build(), LATER, GateMode.ONCE);
        assertEquals(List.of(LedgerEvent.RcPromoted.class), ledger.productionFinished(checkout, prodBuild(8), true,
                LATER).stream().map(Object::getClass).toList());
    }

    @Test
    public void deletingTheRcAProductionReleaseWillPromoteLeavesNothingToPromote() {
        ledger.gate(checkout, rcRequest(41, CAROL), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.buildRemoved(rcBuild(41), LATER);
        assertEquals(Optional.of(prodBuild(7)), snapshot().productionInProgress());
        assertEquals(List.of(LedgerEvent.TurnFreed.class), ledger.productionFinished(checkout, prodBuild(7), true,
                LATER).stream().map(Object::getClass).toList());
        assertEquals(RcState.REMOVED, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
    }

    @Test
    public void theProductsReferringToABuildAreFoundByItsReferenceAlone() {
        ProductPolicy payments = ProductPolicy.builder("payments").zone(NY)
                .jobs(JobPattern.parseAll(RC_JOB + ", " + PROD_JOB)).windows(WindowSpec.parse("Mon-Thu 08:00-16:00", NY))
                .build();
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.gate(checkout, production(8, BOB).build(), T, GateMode.WAIT);
        ledger.gate(payments, rcRequest(41, ALICE), T, GateMode.ONCE);
        assertEquals(List.of("checkout", "payments"), ledger.productsReferringTo(rcBuild(41)));
        assertEquals(List.of("checkout"), ledger.productsReferringTo(prodBuild(7)));
        assertEquals(List.of("checkout"), ledger.productsReferringTo(prodBuild(8)));
        assertEquals(List.of(), ledger.productsReferringTo(prodBuild(9)));
        assertEquals(List.of(), ledger.productsReferringTo(new BuildRef("elsewhere", 41)));
        ledger.jobMoved(PROD_JOB, "renamed-deploy", LATER);
        assertEquals(List.of("checkout"), ledger.productsReferringTo(new BuildRef("renamed-deploy", 7)));
        assertEquals(List.of(), ledger.productsReferringTo(prodBuild(7)));
    }

    @Test
    public void aDeletedWaiterLeavesTheQueue() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(checkout, rcRequest(42, BOB), T, GateMode.WAIT);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", rcBuild(42), "its build was deleted while waiting")),
                ledger.buildRemoved(rcBuild(42), LATER));
        assertTrue(ledger.waiters().isEmpty());
        assertEquals("build deleted", ledger.audit("checkout").stream().filter(e -> e.action() == Action.LEFT_QUEUE)
                .findFirst().orElseThrow().detail());
    }

    @Test
    public void releasedByReferenceInEveryProductWhateverTheBindingNow() {
        ProductPolicy payments = ProductPolicy.builder("payments").zone(NY)
                .jobs(JobPattern.parseAll(RC_JOB)).windows(WindowSpec.parse("Mon-Thu 08:00-16:00", NY)).build();
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(payments, rcRequest(41, ALICE), T, GateMode.ONCE);
        List<LedgerEvent> events = ledger.buildRemoved(rcBuild(41), LATER);
        assertEquals(List.of(Optional.of("checkout"), Optional.of("payments")),
                events.stream().map(LedgerEvent::product).toList());
        assertEquals(RcState.REMOVED, ledger.snapshot("payments").candidate(rcBuild(41)).orElseThrow().getState());
    }

    @Test
    public void anUnknownBuildChangesNothing() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        long version = ledger.version();
        assertEquals(List.of(), ledger.buildRemoved(rcBuild(99), LATER));
        assertEquals(version, ledger.version());
    }

    @Test
    public void aMovedJobTakesItsRcsQueueAndLockAlong() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.gate(checkout, production(8, BOB).build(), T, GateMode.WAIT);
        ledger.gate(checkout, rcRequest(42, CAROL), T, GateMode.WAIT);
        assertEquals(List.of("checkout"), ledger.jobMoved(PROD_JOB, "team/deploy", LATER));
        assertEquals(List.of("checkout"), ledger.jobMoved(RC_JOB, "team/rc", LATER));
        LedgerSnapshot s = snapshot();
        assertEquals(Optional.of(new BuildRef("team/deploy", 7)), s.productionInProgress());
        assertEquals(Set.of(new BuildRef("team/deploy", 8), new BuildRef("team/rc", 42)),
                Set.copyOf(s.queue().stream().map(Waiter::build).toList()));
        assertEquals(RcState.IN_FLIGHT, s.candidate(new BuildRef("team/rc", 41)).orElseThrow().getState());
        assertFalse(s.candidate(rcBuild(41)).isPresent());
        AuditEntry moved = audit(Action.JOB_MOVED).get(1);
        assertEquals("team/rc", moved.subject());
        assertEquals("renamed or moved from " + RC_JOB, moved.detail());
        assertEquals(LATER, moved.at());
        // The lock is released under its new name, and promotes the RC under its new name.
        List<LedgerEvent> events = ledger.productionFinished(checkout, new BuildRef("team/deploy", 7), true, LATER);
        assertEquals(new BuildRef("team/rc", 41), ((LedgerEvent.RcPromoted) events.get(0)).rc().getBuild());
    }

    @Test
    public void aMovedJobKeepsTheRcAClosedOneWasClosedFor() {
        ledger.gate(checkout, rcRequest(41, BOB), T, GateMode.ONCE);
        GateRequest urgentRc = GateRequest.builder(Stage.RC).build(rcBuild(42)).requester(ALICE)
                .releaseManager(Fixtures.managedBy(ALICE)).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).build();
        assertTrue(ledger.gate(checkout, urgentRc, T, GateMode.ONCE).decision().isAllowed());
        ledger.jobMoved(RC_JOB, "team/rc", LATER);
        ReleaseCandidate superseded = snapshot().candidate(new BuildRef("team/rc", 41)).orElseThrow();
        assertEquals(RcState.SUPERSEDED, superseded.getState());
        assertEquals(Optional.of(new BuildRef("team/rc", 42)), superseded.getClosure().orElseThrow().closedFor());
    }

    @Test
    public void aJobTheLedgerDoesNotKnowChangesNothing() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.gate(checkout, production(8, BOB).build(), T, GateMode.WAIT);
        long version = ledger.version();
        assertEquals(List.of(), ledger.jobMoved("elsewhere", "somewhere", LATER));
        assertEquals(version, ledger.version());
        assertEquals(Optional.of(prodBuild(7)), snapshot().productionInProgress());
        assertEquals(List.of(prodBuild(8)), snapshot().queue().stream().map(Waiter::build).toList());
        assertEquals(RcState.IN_FLIGHT, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
    }

    @Test
    public void aStaleRcAnnouncedBeforeTheMoveIsNotAnnouncedAgain() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        Instant muchLater = T.plus(checkout.getRcMaxAge()).plusSeconds(86_400 * 30);
        assertEquals(1, ledger.newlyStale(checkout, muchLater).size());
        ledger.jobMoved(RC_JOB, "team/rc", muchLater);
        assertEquals(List.of(), ledger.newlyStale(checkout, muchLater));
    }

    @Test
    public void onlyStaleMarksChangeWhenTheRcIsGoneAlready() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        Instant muchLater = T.plus(checkout.getRcMaxAge()).plusSeconds(86_400 * 30);
        ledger.newlyStale(checkout, muchLater);
        LedgerData data = ledger.export();
        assertEquals(Set.of(rcBuild(41)), data.products().get("checkout").staleAnnounced());
        ledger.jobMoved(RC_JOB, "team/rc", muchLater);
        assertEquals(Set.of(new BuildRef("team/rc", 41)),
                ledger.export().products().get("checkout").staleAnnounced());
    }

    @Test
    public void aDeletedJobLetsGoOfEveryBuildItHeld() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.gate(checkout, production(8, BOB).build(), T, GateMode.WAIT);
        List<LedgerEvent> events = ledger.jobRemoved(PROD_JOB, LATER);
        assertEquals("newest build first", List.of(
                new LedgerEvent.TurnFreed("checkout", prodBuild(8), "its build was deleted while waiting"),
                new LedgerEvent.TurnFreed("checkout", prodBuild(7), "its production release was deleted")), events);
        assertEquals(Optional.empty(), snapshot().productionInProgress());
        assertTrue(ledger.waiters().isEmpty());
        assertEquals("the RC job's RC stays", RcState.IN_FLIGHT,
                snapshot().candidate(rcBuild(41)).orElseThrow().getState());
        assertEquals(List.of(LedgerEvent.RcRemoved.class), ledger.jobRemoved(RC_JOB, LATER).stream()
                .map(Object::getClass).toList());
        assertEquals(List.of(), ledger.jobRemoved(RC_JOB, LATER));
    }

    @Test
    public void aDeletedJobLeavesItsClosedRcsAndOtherJobsAlone() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.FAILURE, T);
        ledger.gate(checkout, rcRequest(42, ALICE), T, GateMode.ONCE);
        long version = ledger.version();
        assertEquals(List.of(), ledger.jobRemoved("checkout/release", LATER)); // a prefix is another job
        assertEquals(version, ledger.version());
        ledger.jobRemoved(RC_JOB, LATER);
        assertEquals(RcState.FAILED, snapshot().candidate(rcBuild(41)).orElseThrow().getState());
        assertEquals(RcState.REMOVED, snapshot().candidate(rcBuild(42)).orElseThrow().getState());
    }

    @Test
    public void deletingAnotherBuildLeavesThePromotionToCome() {
        ledger.gate(checkout, rcRequest(41, CAROL), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        ledger.gate(checkout, production(8, BOB).build(), T, GateMode.WAIT);
        ledger.buildRemoved(prodBuild(8), LATER);
        assertEquals(List.of(LedgerEvent.RcPromoted.class), ledger.productionFinished(checkout, prodBuild(7), true,
                LATER).stream().map(Object::getClass).toList());
    }

    @Test
    public void theProductsAMoveTouchedAreNamedInOrder() {
        ProductPolicy payments = ProductPolicy.builder("payments").zone(NY)
                .jobs(JobPattern.parseAll(RC_JOB)).windows(WindowSpec.parse("Mon-Thu 08:00-16:00", NY)).build();
        ProductPolicy accounts = ProductPolicy.builder("accounts").zone(NY)
                .jobs(JobPattern.parseAll(RC_JOB)).windows(WindowSpec.parse("Mon-Thu 08:00-16:00", NY)).build();
        ledger.gate(payments, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(accounts, rcRequest(41, ALICE), T, GateMode.ONCE);
        assertEquals(List.of("accounts", "checkout", "payments"), ledger.jobMoved(RC_JOB, "team/rc", LATER));
    }
}
