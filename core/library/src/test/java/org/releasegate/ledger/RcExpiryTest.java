package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Reason;
import org.releasegate.decision.Warning;
import org.releasegate.message.Announcement;
import org.releasegate.message.SlackMessages;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.IllegalTransitionException;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/** An RC left open past twice rcMaxAge (freeze days excluded) expires: warned of, never promoted, closed once. */
public class RcExpiryTest {
    private static final Instant NOW = THURSDAY_10AM;
    private final ProductPolicy checkout = checkout();
    /** 14 days (twice the default 7d rcMaxAge) before NOW: no freeze in between. */
    private final Instant bound = NOW.minus(Duration.ofDays(14));

    private static ReleaseLedger ledgerWith(ReleaseCandidate... rcs) {
        return ReleaseLedger.from(new LedgerData(Map.of("checkout", new LedgerData.Product(List.of(rcs), List.of(),
                Optional.empty(), Optional.empty(), Set.of())), List.of(), List.of(), 1));
    }

    private static List<Warning> warnings(GateDecision d, Warning.Code code) {
        return d.warnings().stream().filter(w -> w.code() == code).toList();
    }

    @Test
    public void expiryAgeIsTwiceRcMaxAge() {
        assertEquals(Duration.ofDays(14), checkout.getRcExpiryAge());
        assertEquals(Duration.ofDays(6), org.releasegate.Fixtures.checkoutBuilder().rcMaxAge(Duration.ofDays(3)).build()
                .getRcExpiryAge());
        assertEquals(bound, checkout.rcExpiryBound(NOW));
    }

    @Test
    public void anOpenRcExpiresJustPastTheBound() {
        assertFalse(inFlight(41, BOB, bound).isExpired(NOW, checkout));
        assertTrue(inFlight(41, BOB, bound.minusSeconds(1)).isExpired(NOW, checkout));
        ReleaseCandidate rejected = inFlight(41, BOB, bound.minusSeconds(1)).reject(ALICE, NOW, "no", "again");
        assertFalse("a closed RC does not expire", rejected.isExpired(NOW, checkout));
    }

    @Test
    public void frozenDaysDoNotCountTowardsExpiry() {
        Instant afterHolidays = Instant.parse("2027-01-06T15:00:00Z");
        // 14 unfrozen days reach back past the 15 days of the holiday freeze.
        assertEquals(Instant.parse("2026-12-08T15:00:00Z"), checkout.rcExpiryBound(afterHolidays));
        assertFalse(inFlight(41, BOB, Instant.parse("2026-12-10T15:00:00Z")).isExpired(afterHolidays, checkout));
    }

    @Test
    public void expiringClosesTheRcWithTheReason() {
        ReleaseCandidate expired = inFlight(41, BOB, bound.minusSeconds(1)).expire(Duration.ofDays(14), NOW);
        assertEquals(RcState.EXPIRED, expired.getState());
        assertFalse(RcState.EXPIRED.isOpen());
        ReleaseCandidate.Closure c = expired.getClosure().orElseThrow();
        assertEquals(NOW, c.at());
        assertEquals("open longer than 14d (twice rcMaxAge, freeze days excluded) without being promoted or rejected",
                c.reason());
        assertEquals("expired: " + c.reason(), expired.getHistory().get(expired.getHistory().size() - 1).note());
        try {
            expired.expire(Duration.ofDays(14), NOW);
            throw new AssertionError("an expired RC cannot expire again");
        } catch (IllegalTransitionException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("is EXPIRED"));
        }
    }

    @Test
    public void aDecisionMeetingAnExpiredRcWarnsNamingBuildAndReleaseManager() {
        LedgerSnapshot s = new LedgerSnapshot("checkout", List.of(inFlight(30, BOB, bound.minusSeconds(60))),
                List.of(), List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout, rcRequest(41, ALICE), s, NOW);
        assertTrue("a new RC is not blocked by it", d.isAllowed());
        List<Warning> expired = warnings(d, Warning.Code.RC_EXPIRED);
        assertEquals(1, expired.size());
        Warning w = expired.get(0);
        assertEquals(Optional.of(rcBuild(30)), w.build());
        assertEquals(Optional.of(BOB), w.person());
        assertTrue(w.text(), w.text().contains("checkout/release-candidate#30"));
        assertTrue(w.text(), w.text().contains("release manager Bob Baker"));
        assertTrue(w.text(), w.text().contains("14d"));
        assertTrue("expired, not merely stale", warnings(d, Warning.Code.STALE_RC).isEmpty());
    }

    @Test
    public void aStaleRcThatHasNotExpiredOnlyWarnsStale() {
        LedgerSnapshot s = new LedgerSnapshot("checkout", List.of(inFlight(30, BOB, NOW.minus(Duration.ofDays(8)))),
                List.of(), List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout, rcRequest(41, ALICE), s, NOW);
        assertEquals(1, warnings(d, Warning.Code.STALE_RC).size());
        assertTrue(warnings(d, Warning.Code.RC_EXPIRED).isEmpty());
    }

    @Test
    public void productionDoesNotPromoteAnExpiredRc() {
        LedgerSnapshot s = new LedgerSnapshot("checkout", List.of(inFlight(30, BOB, bound.minusSeconds(60))),
                List.of(), List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout, production(7, ALICE).build(), s, NOW);
        assertFalse(d.isAllowed());
        assertEquals(Optional.empty(), d.promotes());
        assertEquals(List.of(Reason.Code.NOTHING_TO_PROMOTE), d.reasons().stream().map(Reason::code).toList());
        assertEquals(1, warnings(d, Warning.Code.RC_EXPIRED).size());

        GateDecision named = ReleaseGate.decide(checkout, production(7, ALICE).candidate(Optional.of(rcBuild(30)))
                .build(), s, NOW);
        assertEquals(Optional.empty(), named.promotes());
        Reason r = named.reasons().get(0);
        assertEquals(Reason.Code.CANDIDATE_UNAVAILABLE, r.code());
        assertTrue(r.text(), r.text().contains("release candidate checkout/release-candidate#30 expired"));
    }

    @Test
    public void productionPromotesTheOneInFlightRcThatHasNotExpired() {
        LedgerSnapshot s = new LedgerSnapshot("checkout", List.of(inFlight(31, ALICE, NOW.minus(Duration.ofDays(1))),
                inFlight(30, BOB, bound.minusSeconds(60))), List.of(), List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout, production(7, ALICE).build(), s, NOW);
        assertTrue(d.reasons().toString(), d.isAllowed());
        assertEquals(rcBuild(31), d.promotes().orElseThrow().getBuild());
    }

    @Test
    public void theLedgerClosesAnExpiredRcOnceAuditsItAndAnnouncesIt() {
        ReleaseLedger ledger = ledgerWith(inFlight(30, BOB, bound.minusSeconds(60)));
        GateOutcome dry = ledger.gate(checkout, rcRequest(41, ALICE), NOW, GateMode.DRY_RUN);
        assertEquals(1, warnings(dry.decision(), Warning.Code.RC_EXPIRED).size());
        assertTrue("a dry run changes nothing", ledger.snapshot("checkout").candidate(rcBuild(30)).orElseThrow()
                .getState().isOpen());

        GateOutcome out = ledger.gate(checkout, rcRequest(41, ALICE), NOW, GateMode.ONCE);
        assertTrue(out.decision().isAllowed());
        assertEquals(1, warnings(out.decision(), Warning.Code.RC_EXPIRED).size());
        assertEquals(List.of(LedgerEvent.RcExpired.class, LedgerEvent.RcStarted.class),
                out.events().stream().map(Object::getClass).toList());
        ReleaseCandidate closed = ((LedgerEvent.RcExpired) out.events().get(0)).rc();
        assertEquals(RcState.EXPIRED, closed.getState());
        assertEquals(RcState.EXPIRED, ledger.snapshot("checkout").candidate(rcBuild(30)).orElseThrow().getState());
        AuditEntry entry = ledger.audit("checkout").get(0);
        assertEquals(AuditEntry.Action.RC_EXPIRED, entry.action());
        assertEquals("checkout/release-candidate#30", entry.subject());
        assertTrue(entry.detail(), entry.detail().endsWith("; release manager Bob Baker"));
        assertTrue(entry.detail(), entry.detail().startsWith("open longer than 14d"));

        assertTrue("told once", ledger.expireCandidates(checkout, NOW.plusSeconds(60)).isEmpty());
        GateOutcome again = ledger.gate(checkout, rcRequest(42, BOB), NOW.plusSeconds(60), GateMode.ONCE);
        assertTrue(warnings(again.decision(), Warning.Code.RC_EXPIRED).isEmpty());
        assertFalse(again.events().stream().anyMatch(e -> e instanceof LedgerEvent.RcExpired));
    }

    @Test
    public void housekeepingExpiresWithoutARequest() {
        ReleaseLedger ledger = ledgerWith(inFlight(31, ALICE, NOW.minus(Duration.ofDays(1))),
                inFlight(30, BOB, bound.minusSeconds(60)));
        long before = ledger.version();
        List<LedgerEvent> events = ledger.expireCandidates(checkout, NOW);
        assertEquals(1, events.size());
        assertEquals(rcBuild(30), ((LedgerEvent.RcExpired) events.get(0)).rc().getBuild());
        assertTrue(ledger.version() > before);
        assertEquals(RcState.IN_FLIGHT, ledger.snapshot("checkout").candidate(rcBuild(31)).orElseThrow().getState());
        assertTrue(ledger.expireCandidates(checkout, NOW).isEmpty());
    }

    @Test
    public void aForgottenRcReadFromHistoryIsReportedAsExpired() {
        ReleaseCandidate forgotten = inFlight(30, BOB, NOW.minus(Duration.ofDays(20)));
        BuildRecord mark = new BuildRecord(forgotten.getBuild(), forgotten.getStartedAt(), false,
                Optional.of(BuildResult.SUCCESS), Optional.of(forgotten));
        RebuildResult read = LedgerRebuild.read(checkout, List.of(mark).iterator(), NOW);
        LedgerSnapshot s = new LedgerSnapshot("checkout", read.candidates(), List.of(), List.of(), Optional.empty());
        GateDecision d = ReleaseGate.decide(checkout, rcRequest(41, ALICE), s, NOW);
        assertTrue(d.isAllowed());
        assertEquals(Optional.of(rcBuild(30)), warnings(d, Warning.Code.RC_EXPIRED).get(0).build());
    }

    @Test
    public void theProductChannelHearsOfTheExpiry() {
        ReleaseCandidate expired = inFlight(30, BOB, Instant.parse("2026-11-01T15:00:00Z"))
                .expire(Duration.ofDays(14), NOW);
        LedgerEvent e = new LedgerEvent.RcExpired(expired);
        String text = SlackMessages.plain(ZoneId.of("America/New_York")).render(e, NOW).orElseThrow().text();
        assertTrue(text, text.startsWith(":hourglass: Release candidate checkout/release-candidate#30 of *checkout*"));
        assertTrue(text, text.contains("expired: open longer than 14d"));
        assertTrue(text, text.contains("It will not be promoted"));
        assertTrue(text, text.contains("Bob Baker, please post the next steps here."));
        assertEquals(Optional.of("checkout"), e.product());
        ProductPolicy withChannel = org.releasegate.Fixtures.checkoutBuilder().slackChannel("#checkout").build();
        List<Announcement> out = Announcement.of(List.of(e), List.of(withChannel));
        assertEquals(Optional.of(rcBuild(30)), out.get(0).build());
    }
}
