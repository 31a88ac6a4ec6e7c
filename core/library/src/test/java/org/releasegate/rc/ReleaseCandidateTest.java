package org.releasegate.rc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.started;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.UnstableRc;

public class ReleaseCandidateTest {
    private static final Instant T = THURSDAY_10AM;

    @Test
    public void startsRunningWithItsReleaseManager() {
        ReleaseCandidate rc = started(41, ALICE, T);
        assertEquals(RcState.RUNNING, rc.getState());
        assertEquals(Optional.of(ALICE), rc.getReleaseManager().person());
        assertEquals(1, rc.getHistory().size());
    }

    @Test
    public void successfulBuildIsInFlight() {
        ReleaseCandidate rc = started(41, ALICE, T).finished(BuildResult.SUCCESS, UnstableRc.IN_FLIGHT, T.plusSeconds(60));
        assertEquals(RcState.IN_FLIGHT, rc.getState());
        assertTrue(rc.getState().isOpen());
        assertEquals(RcState.RUNNING, rc.getHistory().get(1).from());
    }

    @Test
    public void unstableIsInFlightByDefaultAndFailedWhereThePolicySays() {
        assertEquals(RcState.IN_FLIGHT, started(41, ALICE, T).finished(BuildResult.UNSTABLE, UnstableRc.IN_FLIGHT, T).getState());
        ReleaseCandidate failed = started(41, ALICE, T).finished(BuildResult.UNSTABLE, UnstableRc.FAILED, T);
        assertEquals(RcState.FAILED, failed.getState());
        assertFalse(failed.getState().isOpen());
    }

    @Test
    public void failureAbortAndNotBuiltFail() {
        for (BuildResult r : new BuildResult[] {BuildResult.FAILURE, BuildResult.ABORTED, BuildResult.NOT_BUILT}) {
            ReleaseCandidate rc = started(41, ALICE, T).finished(r, UnstableRc.IN_FLIGHT, T);
            assertEquals(r.name(), RcState.FAILED, rc.getState());
            assertEquals("the build ended " + r, rc.getClosure().orElseThrow().reason());
        }
    }

    @Test
    public void promoteFromInFlightOrRunning() {
        assertEquals(RcState.PROMOTED, Fixtures.inFlight(41, ALICE, T).promote(Optional.of(BOB), T).getState());
        assertEquals(RcState.PROMOTED, started(41, ALICE, T).promote(Optional.empty(), T).getState());
    }

    @Test
    public void rejectRecordsWhoWhyAndNextSteps() {
        ReleaseCandidate rc = Fixtures.inFlight(41, ALICE, T).reject(BOB, T, "checkout total is wrong", "fix in #42");
        assertEquals(RcState.REJECTED, rc.getState());
        ReleaseCandidate.Closure c = rc.getClosure().orElseThrow();
        assertEquals(Optional.of(BOB), c.by());
        assertEquals("checkout total is wrong", c.reason());
        assertEquals(Optional.of("fix in #42"), c.nextSteps());
    }

    @Test
    public void rejectNeedsReasonAndNextSteps() {
        ReleaseCandidate rc = Fixtures.inFlight(41, ALICE, T);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rc.reject(BOB, T, " ", "x")).getMessage()
                .contains("needs a reason"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> rc.reject(BOB, T, "broken", ""))
                .getMessage().contains("needs next steps"));
    }

    @Test
    public void supersedeNamesTheNewerRc() {
        ReleaseCandidate rc = Fixtures.inFlight(41, ALICE, T).supersede(rcBuild(42), BOB, "PRODUCTION_DOWN: INC-1", T);
        assertEquals(RcState.SUPERSEDED, rc.getState());
        assertEquals(Optional.of(rcBuild(42)), rc.getClosure().orElseThrow().closedFor());
    }

    @Test
    public void closedRcsRefuseEveryChangeAndSayWhy() {
        ReleaseCandidate rejected = Fixtures.inFlight(41, ALICE, T).reject(BOB, T, "totals wrong", "fix");
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> rejected.promote(Optional.of(CAROL), T));
        assertEquals("Cannot promote checkout/release-candidate#41: it is REJECTED: totals wrong (Bob Baker)",
                e.getMessage());
        ReleaseCandidate promoted = Fixtures.inFlight(41, ALICE, T).promote(Optional.empty(), T);
        assertTrue(assertThrows(IllegalTransitionException.class, () -> promoted.reject(BOB, T, "late", "none"))
                .getMessage().startsWith("Cannot reject checkout/release-candidate#41: it is PROMOTED"));
        ReleaseCandidate failed = started(41, ALICE, T).finished(BuildResult.FAILURE, UnstableRc.IN_FLIGHT, T);
        assertThrows(IllegalTransitionException.class, () -> failed.supersede(rcBuild(42), BOB, "x", T));
        assertThrows(IllegalTransitionException.class, () -> failed.handOver(BOB, ALICE, true, T));
    }

    @Test
    public void finishingAClosedRcChangesNothing() {
        ReleaseCandidate superseded = started(41, ALICE, T).supersede(rcBuild(42), BOB, "urgent", T);
        assertEquals(RcState.SUPERSEDED, superseded.finished(BuildResult.SUCCESS, UnstableRc.IN_FLIGHT, T).getState());
    }

    @Test
    public void releaseManagerOrHoldManagerHandsOver() {
        ReleaseCandidate rc = Fixtures.inFlight(41, ALICE, T);
        ReleaseCandidate toBob = rc.handOver(BOB, ALICE, false, T);
        assertEquals(Optional.of(BOB), toBob.getReleaseManager().person());
        assertEquals(ReleaseManager.Source.HANDED_OVER, toBob.getReleaseManager().source());
        assertEquals("release management handed over from Alice Archer to Bob Baker",
                toBob.getHistory().get(toBob.getHistory().size() - 1).note());
        assertEquals(Optional.of(CAROL), rc.handOver(CAROL, BOB, true, T).getReleaseManager().person());
        HandOverRefusedException e = assertThrows(HandOverRefusedException.class,
                () -> rc.handOver(CAROL, BOB, false, T));
        assertTrue(e.getMessage(), e.getMessage().contains("only its release manager (Alice Archer)"));
        // Already the release manager is a state conflict, not a refusal on permission grounds.
        IllegalTransitionException already = assertThrows(IllegalTransitionException.class,
                () -> rc.handOver(ALICE, ALICE, false, T));
        assertFalse(already instanceof HandOverRefusedException);
        assertEquals("Alice Archer is already the release manager of checkout/release-candidate#41",
                already.getMessage());
    }

    @Test
    public void staleAfterMaxAgeNotCountingFrozenDays() {
        // Started 2026-12-18; the holiday freeze runs 2026-12-21..2027-01-04 (15 days) and does not count.
        Instant start = Instant.parse("2026-12-18T15:00:00Z");
        ReleaseCandidate rc = Fixtures.inFlight(41, ALICE, start);
        ProductPolicy policy = checkout();
        assertFalse(rc.isStale(Instant.parse("2027-01-08T15:00:00Z"), policy)); // 21 days, 15 frozen: 6 days
        assertEquals(Duration.ofDays(6), rc.age(Instant.parse("2027-01-08T15:00:00Z"), policy));
        assertTrue(rc.isStale(Instant.parse("2027-01-10T15:00:00Z"), policy)); // 8 days not frozen
        ProductPolicy noFreeze = Fixtures.checkoutBuilder().freezes(java.util.List.of()).build();
        assertTrue(rc.isStale(Instant.parse("2027-01-08T15:00:00Z"), noFreeze));
    }

    @Test
    public void closedRcIsNeverStale() {
        ReleaseCandidate promoted = Fixtures.inFlight(41, ALICE, T).promote(Optional.empty(), T);
        assertFalse(promoted.isStale(T.plus(Duration.ofDays(30)), checkout()));
    }

    @Test
    public void buildRefsReadAndRefuse() {
        assertEquals(new BuildRef("checkout/rc", 42), BuildRef.parse("checkout/rc#42"));
        assertEquals("checkout/rc#42", BuildRef.parse(" checkout/rc#42 ").toString());
        for (String bad : new String[] {"checkout/rc", "#42", "checkout/rc#", "checkout/rc#x", "checkout/rc#0"}) {
            assertTrue(bad, assertThrows(IllegalArgumentException.class, () -> BuildRef.parse(bad)).getMessage()
                    .contains("\"" + bad + "\""));
        }
    }
}
