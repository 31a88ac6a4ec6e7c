package org.releasegate.message;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.NY;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.urgent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.Approval;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

public class ConsoleMessageTest {
    private static final Instant T = THURSDAY_10AM;

    private static LedgerSnapshot ledger(List<ReleaseCandidate> rcs, List<Hold> holds) {
        return new LedgerSnapshot("checkout", rcs, holds, List.of(), Optional.empty());
    }

    private static String render(GateRequest request, LedgerSnapshot ledger, Instant at) {
        GateDecision d = ReleaseGate.decide(checkout(), request, ledger, at);
        return ConsoleMessage.render(d, NY);
    }

    @Test
    public void blockedProductionSaysWhatWhenAndWhatToDo() {
        String text = render(production(7, ALICE).build(), ledger(List.of(inFlight(41, BOB, T)), List.of()), FRIDAY_10AM);
        assertEquals("Release Gate: production release of checkout is BLOCKED.\n"
                + "What blocks it:\n"
                + "  - outside the production window (Mon-Thu 08:00-16:00 America/New_York)\n"
                + "The next production window opens Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC).\n"
                + "Earliest it could pass: Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC).\n"
                + "If it is urgent: run again with urgency (PRODUCTION_DOWN, CRITICAL_PATH_BUG, URGENT_DELIVERY) and a "
                + "reason; lifting the window or a freeze needs the Override permission.\n", text);
    }

    @Test
    public void blockedRcNamesTheOwnerAndTheWayToSupersede() {
        String text = render(rcRequest(42, ALICE), ledger(List.of(inFlight(41, BOB, T.minusSeconds(3600))), List.of()), T);
        assertTrue(text, text.contains("  - release candidate checkout/release-candidate#41 is in flight on CI/QA "
                + "(release manager Bob Baker); owner: Bob Baker; since Thu 2026-11-26 09:00 EST (2026-11-26 14:00 UTC)\n"));
        assertTrue(text, text.contains("tell the team in the product's channel first, then run again with urgency"));
        assertFalse("the window is no business of an RC", text.contains("production window opens"));
    }

    @Test
    public void holdIsNotLiftedByUrgencyAndTheMessageSaysWhose() {
        Hold hold = new Hold("hold-1", Optional.of("checkout"), CAROL, "DB migration", T.minusSeconds(60), Optional.empty());
        String text = render(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).mayOverride(true).build(),
                ledger(List.of(inFlight(41, BOB, T)), List.of(hold)), T);
        assertTrue(text, text.contains("  - hold by Carol Chen: DB migration; owner: Carol Chen"));
        assertTrue(text, text.contains("An urgent exception does not lift a hold: ask Carol Chen to lift it"));
    }

    @Test
    public void approvalNeededIsExplained() {
        String text = render(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN)).build(),
                ledger(List.of(inFlight(41, BOB, T)), List.of()), FRIDAY_10AM);
        assertTrue(text, text.contains("needs the Override permission; ask someone who has it to approve it"));
    }

    @Test
    public void allowedProductionNamesTheWindowCloseAndTheRc() {
        String text = render(production(7, ALICE).build(), ledger(List.of(inFlight(41, BOB, T)), List.of()), T);
        assertEquals("Release Gate: production release of checkout is ALLOWED.\n"
                + "Inside the production window Mon-Thu 08:00-16:00 America/New_York, which closes Thu 2026-11-26 16:00 EST "
                + "(2026-11-26 21:00 UTC).\n"
                + "Promotes release candidate checkout/release-candidate#41 (release manager Bob Baker).\n", text);
    }

    @Test
    public void allowedUrgentProductionRecordsTheException() {
        String text = render(production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .approval(new Approval("checkout", Stage.PRODUCTION, UrgencyCategory.PRODUCTION_DOWN,
                        EnumSet.of(Lift.WINDOW), CAROL)).build(),
                ledger(List.of(inFlight(41, BOB, T)), List.of()), FRIDAY_10AM);
        assertTrue(text, text.contains("Urgent exception PRODUCTION_DOWN (INC-4411 checkout returns 500s) requested by "
                + "Alice Archer lifted the production window; approved by Carol Chen."));
    }

    @Test
    public void allowedRcNamesItsReleaseManagerAndWarnings() {
        String text = render(rcRequest(42, ALICE), ledger(List.of(inFlight(41, BOB, T.minusSeconds(9 * 86400))), List.of()), T);
        assertTrue(text, text.startsWith("Release Gate: release candidate of checkout is ALLOWED.\nRelease manager: Alice Archer\n"));
        assertTrue(text, text.contains("Warning: release candidate checkout/release-candidate#41 has been in flight longer than 7d"));
    }

    @Test
    public void headlineIsOneLine() {
        GateDecision d = ReleaseGate.decide(checkout(), production(7, ALICE).build(), LedgerSnapshot.empty("checkout"), FRIDAY_10AM);
        assertEquals("Release Gate: production release of checkout is BLOCKED. outside the production window "
                + "(Mon-Thu 08:00-16:00 America/New_York) (and 1 more)", ConsoleMessage.headline(d));
    }

    @Test
    public void withoutHistoryNoRcIsClaimed() {
        GateDecision d = ReleaseGate.decide(checkout(), GateRequest.builder(org.releasegate.decision.Stage.PRODUCTION)
                .candidatesKnown(false).build(), LedgerSnapshot.empty("checkout"), T);
        String text = ConsoleMessage.render(d, NY);
        assertFalse(text, text.contains("releases without one"));
        assertTrue(text, text.contains("Warning: release candidates were not checked: no build history was given"));
    }
}
