package org.releasegate.message;

import static org.junit.Assert.assertEquals;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.prodBuild;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.started;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.policy.UnstableRc;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;

/** Every kind of event reaches the channel of its own product only, naming the build it is about (holds name none). */
public class AnnouncementEveryEventTest {
    private final ProductPolicy checkout = Fixtures.checkoutBuilder().slackChannel("#checkout").build();
    private final ProductPolicy search = ProductPolicy.builder("search").slackChannel("#search").build();
    private final List<ProductPolicy> products = List.of(search, checkout);
    private final AppliedUrgency urgency = new AppliedUrgency(new Urgency(UrgencyCategory.PRODUCTION_DOWN,
            "INC-4411 checkout returns 500s"), Set.of(Lift.WINDOW), Optional.of(ALICE), Optional.empty());

    private void announcedToCheckoutOnly(LedgerEvent event, Optional<BuildRef> build) {
        List<Announcement> out = Announcement.of(List.of(event), products);
        assertEquals(event.toString(), List.of("#checkout"), out.stream().map(Announcement::channel).toList());
        assertEquals(event.toString(), checkout, out.get(0).product());
        assertEquals(event.toString(), build, out.get(0).build());
    }

    private void routedToCheckoutOnly(LedgerEvent event) {
        assertEquals(event.toString(), List.of("#checkout"),
                Announcement.of(List.of(event), products).stream().map(Announcement::channel).toList());
    }

    @Test
    public void candidateEventsNameTheirCandidate() {
        announcedToCheckoutOnly(new LedgerEvent.RcStarted(started(41, ALICE, THURSDAY_10AM)), Optional.of(rcBuild(41)));
        // Deployed to CI/QA: only the candidate's mark changes, nothing is posted.
        routedToCheckoutOnly(new LedgerEvent.RcDeployed(inFlight(41, ALICE, THURSDAY_10AM)));
        announcedToCheckoutOnly(new LedgerEvent.RcFailed(started(42, ALICE, THURSDAY_10AM)
                .finished(BuildResult.FAILURE, UnstableRc.IN_FLIGHT, FRIDAY_10AM)), Optional.of(rcBuild(42)));
        announcedToCheckoutOnly(new LedgerEvent.RcPromoted(inFlight(43, ALICE, THURSDAY_10AM).promote(Optional.empty(),
                FRIDAY_10AM), List.of()), Optional.of(rcBuild(43)));
        announcedToCheckoutOnly(new LedgerEvent.RcRejected(inFlight(44, ALICE, THURSDAY_10AM).reject(BOB, FRIDAY_10AM,
                "breaks the cart", "fix and cut a new RC")), Optional.of(rcBuild(44)));
        announcedToCheckoutOnly(new LedgerEvent.HandedOver(inFlight(45, ALICE, THURSDAY_10AM).handOver(BOB, ALICE, false,
                FRIDAY_10AM), "Alice Archer", ALICE), Optional.of(rcBuild(45)));
        announcedToCheckoutOnly(new LedgerEvent.RcStale(inFlight(46, ALICE, THURSDAY_10AM)), Optional.of(rcBuild(46)));
    }

    @Test
    public void supersedingNamesTheNewerCandidate() {
        announcedToCheckoutOnly(new LedgerEvent.RcSuperseded(inFlight(41, ALICE, THURSDAY_10AM)
                .supersede(rcBuild(42), BOB, "urgent", FRIDAY_10AM), started(42, BOB, FRIDAY_10AM), urgency),
                Optional.of(rcBuild(42)));
    }

    @Test
    public void exceptionAndBlockNameTheBuildThatAsked() {
        announcedToCheckoutOnly(new LedgerEvent.ExceptionUsed("checkout", prodBuild(7).toString(), urgency),
                Optional.of(prodBuild(7)));
        GateDecision blocked = ReleaseGate.decide(checkout, Fixtures.production(8, CAROL).build(),
                LedgerSnapshot.empty("checkout"), FRIDAY_10AM);
        announcedToCheckoutOnly(new LedgerEvent.Blocked(blocked, Optional.of(prodBuild(8).toString())),
                Optional.of(prodBuild(8)));
        // A what-if has no build; a build name that is not job#number names none either.
        announcedToCheckoutOnly(new LedgerEvent.Blocked(blocked, Optional.empty()), Optional.empty());
        announcedToCheckoutOnly(new LedgerEvent.ExceptionUsed("checkout", "not a build", urgency), Optional.empty());
    }

    @Test
    public void holdEventsOnOneProductStayWithIt() {
        Hold hold = new Hold("hold-3", Optional.of("checkout"), CAROL, "incident", THURSDAY_10AM, Optional.empty());
        announcedToCheckoutOnly(new LedgerEvent.HoldPlaced(hold), Optional.empty());
        announcedToCheckoutOnly(new LedgerEvent.HoldLifted(hold, CAROL), Optional.empty());
        announcedToCheckoutOnly(new LedgerEvent.HoldExpired(hold), Optional.empty());
    }
}
