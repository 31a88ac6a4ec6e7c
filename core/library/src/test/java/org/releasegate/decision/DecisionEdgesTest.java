package org.releasegate.decision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.production;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.rcRequest;
import static org.releasegate.Fixtures.started;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/** Decisions at their edges: asking again, a closed own RC, a stale named RC, unbound jobs, when it could pass. */
public class DecisionEdgesTest {
    private static final Instant T = THURSDAY_10AM;

    private static GateDecision decide(ProductPolicy policy, GateRequest request, ReleaseCandidate... rcs) {
        return ReleaseGate.decide(policy, request, new LedgerSnapshot("checkout", List.of(rcs), List.of(), List.of(),
                Optional.empty()), T);
    }

    @Test
    public void anAllowedDecisionCouldPassNow() {
        GateDecision d = decide(checkout(), rcRequest(41, ALICE));
        assertTrue(d.isAllowed());
        assertEquals(Optional.of(T), d.earliestPass());
    }

    @Test
    public void theCandidateAskingAgainPassesWhileAnotherIsOpen() {
        // Both are open (as history can leave them): 42 already is an RC, so asking again changes nothing.
        ReleaseCandidate older = inFlight(41, BOB, T.minus(Duration.ofHours(1)));
        GateDecision again = decide(checkout(), rcRequest(42, ALICE), started(42, ALICE, T), older);
        assertTrue(again.reasons().toString(), again.isAllowed());
    }

    @Test
    public void aBuildWhoseCandidateIsClosedAsksLikeANewOne() {
        ReleaseCandidate rejected = inFlight(42, ALICE, T.minusSeconds(600)).reject(CAROL, T, "broken", "fix it");
        GateDecision d = decide(checkout(), rcRequest(42, ALICE), inFlight(41, BOB, T.minusSeconds(3600)), rejected);
        assertFalse(d.isAllowed());
        assertTrue(d.has(Reason.Code.RC_IN_FLIGHT));
    }

    @Test
    public void aProductionBuildWhoseOwnCandidateIsClosedHasNothingToPromote() {
        // One build both cut the RC and releases it; its RC was rejected in between.
        ReleaseCandidate rejected = inFlight(42, ALICE, T.minusSeconds(600)).reject(CAROL, T, "broken", "fix it");
        GateDecision d = decide(checkout(), GateRequest.builder(Stage.PRODUCTION).build(rcBuild(42)).requester(ALICE)
                .build(), rejected);
        assertFalse(d.isAllowed());
        assertEquals(Optional.empty(), d.promotes());
        assertTrue(d.has(Reason.Code.NOTHING_TO_PROMOTE));
    }

    @Test
    public void aStaleCandidateNamedWhileOnlyANewerOneRunsMayBePromoted() {
        ReleaseCandidate stale = inFlight(41, BOB, T.minus(Duration.ofDays(9)));
        GateDecision d = decide(checkout(), production(7, ALICE).candidate(Optional.of(rcBuild(41))).build(),
                started(42, ALICE, T.minusSeconds(60)), stale);
        assertTrue(d.reasons().toString(), d.isAllowed());
        assertEquals(Optional.of(rcBuild(41)), d.promotes().map(ReleaseCandidate::getBuild));
    }

    @Test
    public void aJobOfAProductWithoutJobsSaysItHasNone() {
        ProductPolicy noJobs = ProductPolicy.builder("checkout").windows(Fixtures.checkout().getSchedule().getWindows())
                .build();
        GateDecision d = decide(noJobs, rcRequest(41, ALICE));
        assertEquals("job checkout/release-candidate is not bound to checkout (its jobs: none)",
                d.reasons().get(0).text());
        assertEquals("job checkout/nightly is not bound to checkout (its jobs: checkout/release-candidate, "
                + "checkout/deploy-production)", decide(checkout(), GateRequest.builder(Stage.RC)
                        .build(new BuildRef("checkout/nightly", 1)).requester(ALICE).build()).reasons().get(0).text());
    }

    @Test
    public void anUnassignedCandidateIsNamedInTheWarning() {
        GateDecision d = decide(checkout(), GateRequest.builder(Stage.RC).build(rcBuild(41))
                .releaseManager(ReleaseManager.unassigned()).build());
        assertEquals("release candidate checkout/release-candidate#41 has no release manager: someone on the team "
                + "should take it over", d.warnings().get(0).text());
    }

    @Test
    public void theStaleCandidatesManagerIsConcerned() {
        GateDecision d = decide(checkout(), rcRequest(42, ALICE), inFlight(41, BOB, T.minus(Duration.ofDays(9))));
        assertEquals(List.of(BOB), d.concerned());
    }

    @Test
    public void aCandidateRemembersWhoChangedIt() {
        GateRequest request = GateRequest.builder(Stage.RC).build(rcBuild(41)).requester(ALICE)
                .changeAuthors(List.of(BOB, CAROL)).build();
        assertEquals(List.of(BOB, CAROL), request.getChangeAuthors());
        org.releasegate.ledger.ReleaseLedger ledger = new org.releasegate.ledger.ReleaseLedger();
        ledger.gate(checkout(), request, T, org.releasegate.ledger.GateMode.ONCE);
        assertEquals(List.of(BOB, CAROL), ledger.snapshot("checkout").candidate(rcBuild(41)).orElseThrow()
                .getChangeAuthors());
    }
}
