package org.releasegate.message;

import static org.junit.Assert.assertEquals;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.NY;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.rc.ReleaseCandidate;

/** Whole console messages for the situations people meet, word for word. */
public class ConsoleMessageScenariosTest {
    private static final Instant T = THURSDAY_10AM;
    private static final Hold MIGRATION = new Hold("hold-1", Optional.of("checkout"), CAROL, "DB migration",
            T.minusSeconds(3600), Optional.of(T.plusSeconds(2 * 3600)));

    private static GateDecision decide(GateRequest request, List<ReleaseCandidate> rcs, List<Hold> holds, Instant at) {
        return ReleaseGate.decide(checkout(), request, new LedgerSnapshot("checkout", rcs, holds, List.of(),
                Optional.empty()), at);
    }

    @Test
    public void productionHeldInsideTheWindowSaysUntilWhenTheHoldAndTheWindowLast() {
        GateDecision d = decide(production(7, ALICE).build(), List.of(inFlight(41, BOB, T.minusSeconds(7200))),
                List.of(MIGRATION), T);
        assertEquals("Release Gate: production release of checkout is BLOCKED.\n"
                + "What blocks it:\n"
                + "  - hold by Carol Chen: DB migration; owner: Carol Chen; since Thu 2026-11-26 09:00 EST "
                + "(2026-11-26 14:00 UTC); until Thu 2026-11-26 12:00 EST (2026-11-26 17:00 UTC)\n"
                + "The production window is open now until Thu 2026-11-26 16:00 EST (2026-11-26 21:00 UTC).\n"
                + "Earliest it could pass: Thu 2026-11-26 12:00 EST (2026-11-26 17:00 UTC).\n"
                + "If it is urgent: An urgent exception does not lift a hold: ask Carol Chen to lift it, or someone with "
                + "the Hold permission.\n", ConsoleMessage.render(d, NY));
        assertEquals("Release Gate: production release of checkout is BLOCKED. hold by Carol Chen: DB migration",
                ConsoleMessage.headline(d));
    }

    @Test
    public void candidateHeldInsideTheWindowNamesOnlyTheHoldAuthorToAskAndNoWindow() {
        GateDecision d = decide(rcRequest(42, ALICE), List.of(inFlight(41, BOB, T.minusSeconds(7200))),
                List.of(MIGRATION), T);
        assertEquals("Release Gate: release candidate of checkout is BLOCKED.\n"
                + "What blocks it:\n"
                + "  - hold by Carol Chen: DB migration; owner: Carol Chen; since Thu 2026-11-26 09:00 EST "
                + "(2026-11-26 14:00 UTC); until Thu 2026-11-26 12:00 EST (2026-11-26 17:00 UTC)\n"
                + "  - release candidate checkout/release-candidate#41 is in flight on CI/QA (release manager Bob Baker); "
                + "owner: Bob Baker; since Thu 2026-11-26 08:00 EST (2026-11-26 13:00 UTC)\n"
                + "If it is urgent: tell the team in the product's channel first, then run again with urgency "
                + "(PRODUCTION_DOWN, CRITICAL_PATH_BUG, URGENT_DELIVERY) and a reason: the release candidate in flight "
                + "will be superseded. An urgent exception does not lift a hold: ask Carol Chen to lift it, or someone "
                + "with the Hold permission.\n", ConsoleMessage.render(d, NY));
        assertEquals("Release Gate: release candidate of checkout is BLOCKED. hold by Carol Chen: DB migration"
                + " (and 1 more)", ConsoleMessage.headline(d));
    }

    @Test
    public void blockedProductionStillShowsItsWarnings() {
        ReleaseCandidate stale = inFlight(41, BOB, T.minusSeconds(9 * 86400));
        GateDecision d = decide(production(7, ALICE).build(), List.of(stale), List.of(MIGRATION), T);
        String text = ConsoleMessage.render(d, NY);
        assertEquals(text, "Warning: release candidate checkout/release-candidate#41 has been in flight longer than 7d "
                + "(release manager Bob Baker): promote it or reject it\n",
                text.substring(text.indexOf("Warning:")));
    }

    @Test
    public void candidateOutsideTheWindowSaysWhenProductionOpens() {
        GateDecision d = decide(rcRequest(42, ALICE), List.of(inFlight(41, BOB, T)), List.of(),
                org.releasegate.Fixtures.FRIDAY_10AM);
        String text = ConsoleMessage.render(d, NY);
        assertEquals(text, true, text.contains("\nThe next production window opens Mon 2026-11-30 08:00 EST "
                + "(2026-11-30 13:00 UTC).\n"));
    }

    @Test
    public void blockerWithNothingToDoUrgentlyPointsToThePeopleNamed() {
        GateDecision d = decide(production(7, ALICE).candidate(Optional.of(org.releasegate.Fixtures.rcBuild(40))).build(),
                List.of(inFlight(41, BOB, T)), List.of(), T);
        String text = ConsoleMessage.render(d, NY);
        assertEquals(text, "If it is urgent: talk to the people named above in the product's channel.\n",
                text.substring(text.indexOf("If it is urgent")));
    }
}
