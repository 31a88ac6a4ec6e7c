package org.releasegate.decision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.ALICE;

import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.ledger.LedgerSnapshot;

public class GateDecisionTest {
    private static final Warning NO_MARKS = new Warning(Warning.Code.HISTORY_WITHOUT_MARKS, "rc.json: 3 builds, no "
            + "release candidate mark", Optional.empty(), Optional.empty());

    private static GateDecision blocked() {
        LedgerSnapshot ledger = new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, FRIDAY_10AM.minusSeconds(
                3 * 86_400L))), List.of(), List.of(), Optional.empty());
        return ReleaseGate.decide(checkout(), rcRequest(42, ALICE), ledger, FRIDAY_10AM);
    }

    @Test
    public void moreWarningsComeAfterTheDecisionsOwnAndChangeNothingElse() {
        GateDecision d = blocked();
        GateDecision more = d.withWarnings(List.of(NO_MARKS));
        assertEquals(d.warnings().size() + 1, more.warnings().size());
        assertEquals(d.warnings(), more.warnings().subList(0, d.warnings().size()));
        assertEquals(NO_MARKS, more.warnings().get(more.warnings().size() - 1));
        assertEquals(d, new GateDecision(more.product(), more.stage(), more.at(), more.verdict(), more.reasons(),
                d.warnings(), more.window(), more.releaseManager(), more.inFlight(), more.holds(), more.promotes(),
                more.supersedes(), more.exception(), more.approvalNeeded(), more.earliestPass()));
    }

    @Test
    public void noMoreWarningsIsTheSameDecision() {
        GateDecision d = blocked();
        assertSame(d, d.withWarnings(List.of()));
    }
}
