package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;

import org.junit.Test;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.HandOverRefusedException;
import org.releasegate.rc.IllegalTransitionException;
import org.releasegate.rc.UnknownCandidateException;

/**
 * Each kind of refusal has its own type, so that the web surface maps it to one HTTP status: an RC the gate does not
 * know (404), a state conflict (409), a refusal on permission grounds (403).
 */
public class LedgerRefusalsTest {
    private final ProductPolicy checkout = checkout();
    private final ReleaseLedger ledger = new ReleaseLedger();

    @Test
    public void anRcTheGateDoesNotKnowIsUnknown() {
        UnknownCandidateException reject = assertThrows(UnknownCandidateException.class,
                () -> ledger.reject(checkout, rcBuild(99), CAROL, "x", "y", THURSDAY_10AM));
        assertEquals("checkout/release-candidate#99 is not a release candidate of checkout that the gate knows",
                reject.getMessage());
        assertThrows(UnknownCandidateException.class,
                () -> ledger.handOver(checkout, rcBuild(99), CAROL, BOB, true, THURSDAY_10AM));
    }

    @Test
    public void aClosedRcIsAStateConflictAndAStrangerIsRefused() {
        ledger.gate(checkout, rcRequest(41, BOB), THURSDAY_10AM, GateMode.ONCE);
        HandOverRefusedException stranger = assertThrows(HandOverRefusedException.class,
                () -> ledger.handOver(checkout, rcBuild(41), CAROL, ALICE, false, THURSDAY_10AM));
        assertEquals("Alice Archer cannot hand over release management of checkout/release-candidate#41: only its "
                + "release manager (Bob Baker) or someone with the Hold permission can", stranger.getMessage());
        ledger.reject(checkout, rcBuild(41), CAROL, "totals wrong", "fix in #42", THURSDAY_10AM);
        IllegalTransitionException again = assertThrows(IllegalTransitionException.class,
                () -> ledger.reject(checkout, rcBuild(41), CAROL, "again", "none", THURSDAY_10AM));
        assertFalse(again instanceof UnknownCandidateException);
        assertFalse(again instanceof HandOverRefusedException);
    }
}
