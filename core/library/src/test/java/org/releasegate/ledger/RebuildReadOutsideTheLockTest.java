package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * The plugin reads build history without holding the ledger, then applies what it read: whatever the ledger did
 * meanwhile is newer than history and stays.
 */
public class RebuildReadOutsideTheLockTest {
    private static final Instant T = THURSDAY_10AM;
    private static final Instant READ_AT = T.plusSeconds(600);
    private static final Instant AFTER = READ_AT.plusSeconds(1);
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    private static BuildRecord marked(ReleaseCandidate rc, boolean building, BuildResult result) {
        return new BuildRecord(rc.getBuild(), rc.getStartedAt(), building, Optional.ofNullable(result),
                Optional.of(rc));
    }

    private RebuildResult read(BuildRecord... newestFirst) {
        return LedgerRebuild.read(checkout, List.of(newestFirst).iterator(), READ_AT);
    }

    private RcState state(int number) {
        return ledger.snapshot("checkout").candidate(rcBuild(number)).orElseThrow().getState();
    }

    @Test
    public void anRcStartedAfterTheReadIsKept() {
        RebuildResult history = read();
        ledger.gate(checkout, rcRequest(42, BOB), AFTER, GateMode.ONCE);
        ledger.rebuild(checkout, history, READ_AT, AFTER);
        assertEquals(RcState.RUNNING, state(42));
        assertEquals("once", 1, ledger.snapshot("checkout").candidates().size());
    }

    @Test
    public void anRcChangedAfterTheReadKeepsTheLedgersState() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ReleaseCandidate running = ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow();
        RebuildResult history = read(marked(running, true, null));
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, AFTER);
        ledger.rebuild(checkout, history, READ_AT, AFTER);
        assertEquals(RcState.IN_FLIGHT, state(41));
        assertEquals("once", 1, ledger.snapshot("checkout").candidates().size());
    }

    @Test
    public void anRcUnchangedSinceTheReadTakesWhatHistorySays() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ReleaseCandidate inFlight = ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow();
        ReleaseCandidate rejectedByHand = inFlight.reject(BOB, T.plusSeconds(60), "totals wrong", "fix in 42");
        ledger.rebuild(checkout, read(marked(rejectedByHand, false, BuildResult.SUCCESS)), READ_AT, AFTER);
        assertEquals(RcState.REJECTED, state(41));
        assertEquals("once", 1, ledger.snapshot("checkout").candidates().size());
    }

    @Test
    public void anRcHistoryReachedButNoLongerHasIsDroppedWhenUnchangedSinceTheRead() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ReleaseCandidate older = ReleaseCandidate.started(rcBuild(40), "checkout",
                org.releasegate.Fixtures.managedBy(ALICE), List.of(), Optional.empty(), T.minusSeconds(60));
        ledger.rebuild(checkout, read(marked(older.finished(BuildResult.FAILURE,
                checkout.getUnstableRc(), T.minusSeconds(30)), false, BuildResult.FAILURE)), READ_AT, AFTER);
        assertFalse(ledger.snapshot("checkout").candidate(rcBuild(41)).isPresent());
        assertEquals(RcState.FAILED, state(40));
    }

    @Test
    public void theRebuildIsAudited() {
        ledger.rebuild(checkout, read(), READ_AT, AFTER);
        AuditEntry last = ledger.audit("checkout").get(ledger.audit("checkout").size() - 1);
        assertEquals(AuditEntry.Action.REBUILT, last.action());
        assertEquals(AFTER, last.at());
    }

    @Test
    public void aChangeAtTheInstantOfTheReadIsOneHistorySaw() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ReleaseCandidate running = ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow();
        RebuildResult history = read(marked(running, true, null));
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, READ_AT);
        ledger.rebuild(checkout, history, READ_AT, AFTER);
        assertEquals(RcState.RUNNING, state(41));
    }

    @Test
    public void aRestoredRcWithoutHistoryCountsFromItsStart() {
        ReleaseCandidate restored = ReleaseCandidate.restore(rcBuild(43), "checkout",
                org.releasegate.Fixtures.managedBy(ALICE), List.of(), Optional.empty(), AFTER, RcState.IN_FLIGHT,
                List.of(), Optional.empty());
        LedgerData data = new LedgerData(java.util.Map.of("checkout", new LedgerData.Product(List.of(restored),
                List.of(), Optional.empty(), Optional.empty(), java.util.Set.of())), List.of(), List.of(), 1);
        ReleaseLedger restoredLedger = ReleaseLedger.from(data);
        restoredLedger.rebuild(checkout, read(), READ_AT, AFTER);
        assertEquals(RcState.IN_FLIGHT, restoredLedger.snapshot("checkout").candidate(rcBuild(43)).orElseThrow()
                .getState());
        ReleaseCandidate before = ReleaseCandidate.restore(rcBuild(44), "checkout",
                org.releasegate.Fixtures.managedBy(ALICE), List.of(), Optional.empty(), T, RcState.IN_FLIGHT,
                List.of(), Optional.empty());
        ReleaseLedger other = ReleaseLedger.from(new LedgerData(java.util.Map.of("checkout", new LedgerData.Product(
                List.of(before), List.of(), Optional.empty(), Optional.empty(), java.util.Set.of())), List.of(),
                List.of(), 1));
        other.rebuild(checkout, read(marked(older(), false, BuildResult.FAILURE)), READ_AT, AFTER);
        assertFalse("started before the read and reached by it: dropped",
                other.snapshot("checkout").candidate(rcBuild(44)).isPresent());
    }

    private ReleaseCandidate older() {
        return ReleaseCandidate.started(rcBuild(40), "checkout", org.releasegate.Fixtures.managedBy(ALICE), List.of(),
                Optional.empty(), T.minusSeconds(60)).finished(BuildResult.FAILURE, checkout.getUnstableRc(),
                T.minusSeconds(30));
    }
}
