package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
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

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;

/**
 * Every change that can let a waiting build pass says so with an event, so the plugin can wake the product's waiters:
 * a waiter giving up, a production release ending without promoting, a waiting build that ends.
 */
public class TurnFreedTest {
    private static final Instant T = THURSDAY_10AM;
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    @Test
    public void aWaiterGivingUpFreesItsTurn() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(checkout, rcRequest(42, BOB), T, GateMode.WAIT);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", rcBuild(42), "aborted")),
                ledger.leaveQueue("checkout", rcBuild(42), T, "aborted"));
    }

    @Test
    public void aBuildThatWasNotWaitingFreesNothing() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        long version = ledger.version();
        assertEquals(List.of(), ledger.leaveQueue("checkout", rcBuild(42), T, "aborted"));
        assertEquals("nothing changed", version, ledger.version());
    }

    @Test
    public void aWaitingBuildThatEndsFreesItsTurn() {
        ledger.gate(checkout, rcRequest(41, ALICE), T, GateMode.ONCE);
        ledger.gate(checkout, rcRequest(42, BOB), T, GateMode.WAIT);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", rcBuild(42), "its build ended ABORTED")),
                ledger.buildFinished(checkout, rcBuild(42), BuildResult.ABORTED, T));
    }

    @Test
    public void aProductionReleaseWhoseRcWasClosedMeanwhileFreesTheTurnWhenItSucceeds() {
        ledger.gate(checkout, rcRequest(41, CAROL), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        assertTrue(ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE).decision().isAllowed());
        ledger.reject(checkout, rcBuild(41), BOB, "totals wrong", "fix in 42", T);
        assertEquals(List.of(new LedgerEvent.TurnFreed("checkout", prodBuild(7),
                "its production release ended without promoting")),
                ledger.productionFinished(checkout, prodBuild(7), true, T));
        assertEquals(Optional.empty(), ledger.snapshot("checkout").productionInProgress());
    }

    @Test
    public void aProductionReleaseThatPromotesAnnouncesThePromotionOnly() {
        ledger.gate(checkout, rcRequest(41, CAROL), T, GateMode.ONCE);
        ledger.buildFinished(checkout, rcBuild(41), BuildResult.SUCCESS, T);
        ledger.gate(checkout, production(7, ALICE).build(), T, GateMode.ONCE);
        List<LedgerEvent> events = ledger.productionFinished(checkout, prodBuild(7), true, T);
        assertEquals(List.of(LedgerEvent.RcPromoted.class), events.stream().map(Object::getClass).toList());
    }

    @Test
    public void theFreedTurnConcernsItsProduct() {
        assertEquals(Optional.of("checkout"), new LedgerEvent.TurnFreed("checkout", rcBuild(1), "x").product());
    }
}
