package org.releasegate.message;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.NY;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.managedBy;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.urgent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.UrgencyCategory;

/** The channel hears who owns each blocker, and that a new RC is urgent and why. */
public class SlackOwnersAndUrgencyTest {
    private static final Instant T = THURSDAY_10AM;
    private final SlackMessages plain = SlackMessages.plain(NY);

    @Test
    public void aBlockedDeployNamesTheOwnerOfEachBlocker() {
        Hold hold = new Hold("hold-1", Optional.of("checkout"), CAROL, "DB migration", T.minusSeconds(60),
                Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout(), production(7, ALICE).build(),
                new LedgerSnapshot("checkout", List.of(), List.of(hold), List.of(), Optional.empty()), T);
        String text = plain.render(new LedgerEvent.Blocked(d, Optional.empty()), T).orElseThrow().text();
        assertTrue(text, text.startsWith(":no_entry: Production release of *checkout* blocked:\n"
                + "• hold by Carol Chen: DB migration (owner: Carol Chen)\n"));
    }

    @Test
    public void anUrgentCandidateSaysSoAndWhy() {
        ReleaseCandidate rc = ReleaseCandidate.started(rcBuild(42), "checkout", managedBy(ALICE), List.of(),
                urgent(UrgencyCategory.PRODUCTION_DOWN), T);
        assertEquals(":rocket: New release candidate of *checkout*: checkout/release-candidate#42. Release manager: "
                + "Alice Archer. Urgent: PRODUCTION_DOWN, INC-4411 checkout returns 500s.",
                plain.render(new LedgerEvent.RcStarted(rc), T).orElseThrow().text());
    }
}
