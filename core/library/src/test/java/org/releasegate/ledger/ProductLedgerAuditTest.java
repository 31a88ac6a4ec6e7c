package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.UrgencyCategory;

/** What the split ledger writes to its audit, and how many closed RCs it keeps, where ReleaseLedgerTest is silent. */
public class ProductLedgerAuditTest {
    private static final Instant T = THURSDAY_10AM;

    private static ReleaseLedger ledgerWith(List<ReleaseCandidate> rcs) {
        return ReleaseLedger.from(new LedgerData(Map.of("checkout", new LedgerData.Product(rcs, List.of(),
                Optional.empty(), Optional.empty(), Set.of())), List.of(), List.of(), 1));
    }

    private static AuditEntry last(ReleaseLedger ledger, Action action) {
        List<AuditEntry> of = ledger.audit("checkout").stream().filter(e -> e.action() == action).toList();
        return of.get(of.size() - 1);
    }

    @Test
    public void promotionAuditsEachOlderRcItCloses() {
        ReleaseLedger ledger = ledgerWith(List.of(inFlight(42, ALICE, T), inFlight(41, BOB, T.minusSeconds(600))));
        ledger.promote(checkout(), rcBuild(42), Optional.of(ALICE), T);
        AuditEntry closed = last(ledger, Action.RC_CLOSED);
        assertEquals("checkout/release-candidate#41", closed.subject());
        assertEquals("closed: checkout/release-candidate#42 was promoted", closed.detail());
        assertEquals("promoted to production", last(ledger, Action.RC_PROMOTED).detail());
    }

    @Test
    public void anUrgentProductionReleaseAuditsItsException() {
        ReleaseLedger ledger = ledgerWith(List.of(inFlight(41, BOB, T)));
        Instant friday = Instant.parse("2026-11-27T15:00:00Z");
        GateOutcome out = ledger.gate(checkout(), production(7, ALICE).urgency(urgent(UrgencyCategory.PRODUCTION_DOWN))
                .mayOverride(true).build(), friday, GateMode.ONCE);
        assertEquals(out.decision().reasons().toString(), true, out.decision().isAllowed());
        AuditEntry used = last(ledger, Action.EXCEPTION_USED);
        assertEquals("checkout/deploy-production#7", used.subject());
        assertEquals(Optional.of(ALICE), used.actor());
        assertEquals("promotes checkout/release-candidate#41", last(ledger, Action.PRODUCTION_STARTED).detail());
    }

    @Test
    public void expiringKeepsOnlyTheLatestClosedRcs() {
        List<ReleaseCandidate> old = new ArrayList<>();
        for (int n = 1; n <= ProductLedger.CLOSED_KEPT + 5; n++) {
            old.add(0, inFlight(n, BOB, T.minus(Duration.ofDays(30)).plusSeconds(n)));
        }
        ReleaseLedger ledger = ledgerWith(old);
        assertEquals(ProductLedger.CLOSED_KEPT + 5, ledger.expireCandidates(checkout(), T).size());
        List<ReleaseCandidate> kept = ledger.snapshot("checkout").candidates();
        assertEquals(ProductLedger.CLOSED_KEPT, kept.size());
        assertEquals(RcState.EXPIRED, kept.get(0).getState());
        assertEquals("the newest are kept", rcBuild(ProductLedger.CLOSED_KEPT + 5), kept.get(0).getBuild());
    }

    @Test
    public void rebuildKeepsTheNewestFirstAndOnlyTheLatestClosed() {
        List<ReleaseCandidate> rejected = new ArrayList<>();
        for (int n = 1; n <= ProductLedger.CLOSED_KEPT + 3; n++) {
            rejected.add(0, inFlight(n, BOB, T.minus(Duration.ofDays(40)).plusSeconds(n)).reject(ALICE, T, "no", "redo"));
        }
        ReleaseLedger ledger = ledgerWith(rejected);
        ReleaseCandidate found = inFlight(99, ALICE, T.minusSeconds(60));
        BuildRecord mark = new BuildRecord(found.getBuild(), found.getStartedAt(), false,
                Optional.of(org.releasegate.rc.BuildResult.SUCCESS), Optional.of(found));
        ledger.rebuild(checkout(), List.of(mark).iterator(), T);
        List<ReleaseCandidate> kept = ledger.snapshot("checkout").candidates();
        assertEquals(ProductLedger.CLOSED_KEPT + 1, kept.size());
        assertEquals(rcBuild(99), kept.get(0).getBuild());
        assertEquals(rcBuild(ProductLedger.CLOSED_KEPT + 3), kept.get(1).getBuild());
    }
}
