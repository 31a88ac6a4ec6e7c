package org.releasegate.rc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.RC_JOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.started;

import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class RemovedAndMovedCandidateTest {
    private static final Instant T = THURSDAY_10AM;
    private static final Instant LATER = T.plusSeconds(3600);

    @Test
    public void removingAnOpenRcClosesItWithTheReason() {
        ReleaseCandidate removed = inFlight(41, ALICE, T).removed(LATER);
        assertEquals(RcState.REMOVED, removed.getState());
        assertTrue(!removed.getState().isOpen());
        ReleaseCandidate.Closure closure = removed.getClosure().orElseThrow();
        assertEquals("its build was deleted", closure.reason());
        assertEquals(LATER, closure.at());
        assertEquals(Optional.empty(), closure.by());
        RcEvent last = removed.getHistory().get(removed.getHistory().size() - 1);
        assertEquals(RcState.IN_FLIGHT, last.from());
        assertEquals(RcState.REMOVED, last.to());
        assertEquals("removed: its build was deleted", last.note());
    }

    @Test
    public void aClosedRcCannotBeRemoved() {
        ReleaseCandidate rejected = inFlight(41, ALICE, T).reject(BOB, T, "wrong totals", "fix in 42");
        assertThrows(IllegalTransitionException.class, () -> rejected.removed(LATER));
    }

    @Test
    public void movingAnotherJobLeavesTheRcAsItIs() {
        ReleaseCandidate rc = started(41, ALICE, T);
        assertSame(rc, rc.moved("elsewhere", "somewhere"));
    }

    @Test
    public void movingItsJobMovesItsBuildAndKeepsTheRest() {
        ReleaseCandidate rc = inFlight(41, ALICE, T);
        ReleaseCandidate moved = rc.moved(RC_JOB, "team/rc");
        assertEquals(new BuildRef("team/rc", 41), moved.getBuild());
        assertEquals(rc.getState(), moved.getState());
        assertEquals(rc.getHistory(), moved.getHistory());
        assertEquals(rc.getStartedAt(), moved.getStartedAt());
        assertEquals(rc.getProduct(), moved.getProduct());
        assertEquals(rc.getReleaseManager(), moved.getReleaseManager());
        assertEquals(rc.getClosure(), moved.getClosure());
    }

    @Test
    public void theRcItWasClosedForMovesToo() {
        ReleaseCandidate rc = inFlight(41, ALICE, T).supersede(new BuildRef("other/rc", 3), BOB, "PRODUCTION_DOWN", T);
        ReleaseCandidate moved = rc.moved("other/rc", "team/rc");
        assertEquals(rcBuild(41), moved.getBuild());
        ReleaseCandidate.Closure closure = moved.getClosure().orElseThrow();
        assertEquals(Optional.of(new BuildRef("team/rc", 3)), closure.closedFor());
        assertEquals(rc.getClosure().orElseThrow().reason(), closure.reason());
        assertEquals(rc.getClosure().orElseThrow().by(), closure.by());
        assertEquals(rc.getClosure().orElseThrow().at(), closure.at());
        assertEquals(rc.getClosure().orElseThrow().nextSteps(), closure.nextSteps());
    }

    @Test
    public void aBuildRefMovesOnlyWithItsOwnJob() {
        assertEquals(new BuildRef("b", 7), new BuildRef("a", 7).moved("a", "b"));
        BuildRef other = new BuildRef("ab", 7);
        assertSame(other, other.moved("a", "b"));
    }
}
