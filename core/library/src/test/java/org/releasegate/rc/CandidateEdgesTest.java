package org.releasegate.rc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.managedBy;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.urgency.UrgencyCategory;

/** A candidate's edges: build 1, the exact max age, an urgent start, closing twice; builds as people write them. */
public class CandidateEdgesTest {
    private static final Instant T = THURSDAY_10AM;

    @Test
    public void buildNumberOneIsABuild() {
        assertEquals(new BuildRef("checkout/release-candidate", 1), BuildRef.parse("checkout/release-candidate#1"));
        assertEquals(new BuildRef("a#b", 12), BuildRef.parse(" a#b#12 "));
    }

    @Test
    public void buildWithoutANumberSaysHowToWriteOne() {
        assertEquals("Cannot read the build \"checkout#\": write job#number, such as checkout/release-candidate#42",
                assertThrows(PolicyException.class, () -> BuildRef.parse("checkout#")).getMessage());
        assertEquals("Cannot read the build \"#4\": write job#number, such as checkout/release-candidate#42",
                assertThrows(PolicyException.class, () -> BuildRef.parse("#4")).getMessage());
        assertEquals("Cannot read the build \"checkout#0\": after '#' comes a build number, such as "
                + "checkout/release-candidate#42", assertThrows(PolicyException.class,
                        () -> BuildRef.parse("checkout#0")).getMessage());
    }

    @Test
    public void newerBuildsOfAJobSortFirstAndJobsByName() {
        List<BuildRef> builds = new ArrayList<>(List.of(new BuildRef("b", 1), new BuildRef("a", 2),
                new BuildRef("a", 10), new BuildRef("b", 3)));
        builds.sort(null);
        assertEquals("[a#10, a#2, b#3, b#1]", builds.toString());
        assertEquals(0, new BuildRef("a", 2).compareTo(new BuildRef("a", 2)));
    }

    @Test
    public void candidateExactlyMaxAgeOldIsNotStaleYet() {
        ProductPolicy p = Fixtures.checkoutBuilder().rcMaxAge(Duration.ofDays(2)).build();
        ReleaseCandidate rc = Fixtures.inFlight(41, BOB, T);
        assertFalse(rc.isStale(T.plus(Duration.ofDays(2)), p));
        assertTrue(rc.isStale(T.plus(Duration.ofDays(2)).plusSeconds(1), p));
        assertEquals(Duration.ofDays(2), rc.age(T.plus(Duration.ofDays(2)), p));
    }

    @Test
    public void urgentCandidateKeepsItsUrgencyAndSaysSoInItsHistory() {
        ReleaseCandidate rc = ReleaseCandidate.started(rcBuild(42), "checkout", managedBy(ALICE), List.of(BOB),
                urgent(UrgencyCategory.CRITICAL_PATH_BUG), T);
        assertEquals(urgent(UrgencyCategory.CRITICAL_PATH_BUG), rc.getUrgency());
        assertEquals(List.of(BOB), rc.getChangeAuthors());
        assertEquals("passed the gate as the release candidate of checkout (urgent: CRITICAL_PATH_BUG: INC-4411 "
                + "checkout returns 500s)", rc.getHistory().get(0).note());
        assertEquals("checkout/release-candidate#42 (RUNNING, release manager Alice Archer)", rc.toString());
    }

    @Test
    public void aClosedCandidateCannotBeClosedByAPromotionAgain() {
        ReleaseCandidate rejected = Fixtures.inFlight(41, BOB, T).reject(ALICE, T, "broken", "fix it");
        assertThrows(IllegalTransitionException.class, () -> rejected.closedByPromotion(rcBuild(42), T));
    }

    @Test
    public void restoredCandidateIsAsItWasSaved() {
        ReleaseCandidate saved = Fixtures.inFlight(41, BOB, T).reject(ALICE, T, "broken", "fix it");
        ReleaseCandidate restored = ReleaseCandidate.restore(saved.getBuild(), saved.getProduct(),
                saved.getReleaseManager(), saved.getChangeAuthors(), saved.getUrgency(), saved.getStartedAt(),
                saved.getState(), saved.getHistory(), saved.getClosure());
        assertEquals(RcState.REJECTED, restored.getState());
        assertEquals(saved.getHistory(), restored.getHistory());
        assertEquals(Optional.of("broken"), restored.getClosure().map(ReleaseCandidate.Closure::reason));
        assertEquals(checkout().getName(), restored.getProduct());
    }
}
