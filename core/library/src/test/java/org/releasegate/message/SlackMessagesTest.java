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
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.urgency.Urgency;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.people.Person;
import org.releasegate.rc.ReleaseCandidate;

public class SlackMessagesTest {
    private static final Instant T = THURSDAY_10AM;
    private final SlackMessages plain = SlackMessages.plain(NY);
    private final SlackMessages linked = new SlackMessages(NY,
            p -> p.equals(ALICE) ? Optional.of("U0ALICE") : Optional.empty(),
            b -> Optional.of("https://ci.example.com/job/" + b.job().replace("/", "/job/") + "/" + b.number() + "/"));

    private String text(LedgerEvent e) {
        return plain.render(e, T).orElseThrow().text();
    }

    @Test
    public void newRcMentionsTheReleaseManagerAndLinksTheBuild() {
        ReleaseCandidate rc = ReleaseCandidate.started(rcBuild(42), "checkout", org.releasegate.Fixtures.managedBy(ALICE),
                List.of(BOB, Person.named("Dave <dave@example.com>")), Optional.empty(), T);
        SlackMessage m = linked.render(new LedgerEvent.RcStarted(rc), T).orElseThrow();
        assertEquals(":rocket: New release candidate of *checkout*: "
                + "<https://ci.example.com/job/checkout/job/release-candidate/42/|checkout/release-candidate#42>. "
                + "Release manager: <@U0ALICE>. Changes by Bob Baker, Dave &lt;dave@example.com&gt;: verify your changes "
                + "in the RC environment, or ask a team member to take over.", m.text());
        assertEquals("good", m.color());
    }

    @Test
    public void blockedDeploySaysWhyNextWindowAndOwner() {
        var d = ReleaseGate.decide(checkout(), production(7, ALICE).build(),
                new LedgerSnapshot("checkout", List.of(inFlight(41, BOB, T)), List.of(), List.of(), Optional.empty()),
                FRIDAY_10AM);
        String text = text(new LedgerEvent.Blocked(d, Optional.of("checkout/deploy-production#7")));
        assertTrue(text, text.startsWith(":no_entry: Production release of *checkout* blocked (checkout/deploy-production#7):"
                + "\n• outside the production window (Mon-Thu 08:00-16:00 America/New_York)"));
        assertTrue(text, text.contains("\nNext production window: Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC)"));
    }

    @Test
    public void exceptionUsedSaysWhoWhatAndWhoApproved() {
        AppliedUrgency e = new AppliedUrgency(new Urgency(UrgencyCategory.PRODUCTION_DOWN, "INC-1 <!channel>"),
                EnumSet.of(Lift.WINDOW), Optional.of(ALICE), Optional.of(CAROL));
        String text = text(new LedgerEvent.ExceptionUsed("checkout", "checkout/deploy-production#7", e));
        assertEquals(":rotating_light: Urgent exception for *checkout* (checkout/deploy-production#7): PRODUCTION_DOWN, "
                + "INC-1 &lt;!channel&gt;. Requested by Alice Archer; lifted the production window; approved by Carol Chen.",
                text);
    }

    @Test
    public void supersededNamesBothReleaseManagersAndWhy() {
        ReleaseCandidate old = inFlight(41, BOB, T);
        ReleaseCandidate newer = ReleaseCandidate.started(rcBuild(42), "checkout", org.releasegate.Fixtures.managedBy(ALICE),
                List.of(), urgent(UrgencyCategory.CRITICAL_PATH_BUG), T);
        AppliedUrgency e = new AppliedUrgency(urgent(UrgencyCategory.CRITICAL_PATH_BUG).orElseThrow(),
                EnumSet.of(Lift.RC_IN_FLIGHT), Optional.of(ALICE), Optional.empty());
        String text = text(new LedgerEvent.RcSuperseded(old, newer, e));
        assertTrue(text, text.contains("checkout/release-candidate#41 of *checkout* (release manager Bob Baker) is being "
                + "superseded by checkout/release-candidate#42 (release manager Alice Archer): CRITICAL_PATH_BUG, INC-4411"));
    }

    @Test
    public void holdsPlacedLiftedExpired() {
        Hold hold = new Hold("hold-1", Optional.of("checkout"), CAROL, "DB *migration*", T, Optional.of(T.plusSeconds(7200)));
        assertEquals(":octagonal_sign: Hold on *checkout* placed by Carol Chen: DB *migration* (expires Thu 2026-11-26 "
                + "12:00 EST). No new release candidate and no production release until it is lifted.",
                text(new LedgerEvent.HoldPlaced(hold)));
        assertEquals(":white_check_mark: Hold on *checkout* by Carol Chen (DB *migration*) lifted by Alice Archer.",
                text(new LedgerEvent.HoldLifted(hold, ALICE)));
        assertTrue(text(new LedgerEvent.HoldExpired(hold)).endsWith("expired."));
        Hold all = new Hold("hold-2", Optional.empty(), CAROL, "incident", T, Optional.empty());
        assertTrue(text(new LedgerEvent.HoldPlaced(all)).startsWith(":octagonal_sign: Hold on *every product*"));
    }

    @Test
    public void rejectedCarriesTheNextSteps() {
        ReleaseCandidate rc = inFlight(41, BOB, T).reject(CAROL, T, "totals <wrong>", "fix & redo in #43");
        String text = text(new LedgerEvent.RcRejected(rc));
        assertEquals(":x: Release candidate checkout/release-candidate#41 of *checkout* will not be promoted (rejected by "
                + "Carol Chen): totals &lt;wrong&gt;\n*Next steps:* fix &amp; redo in #43", text);
    }

    @Test
    public void failedPromotedHandedOverStale() {
        ReleaseCandidate failed = org.releasegate.Fixtures.started(41, BOB, T).finished(org.releasegate.rc.BuildResult.FAILURE,
                org.releasegate.policy.UnstableRc.IN_FLIGHT, T);
        String f = text(new LedgerEvent.RcFailed(failed));
        assertTrue(f, f.contains("failed: the build ended FAILURE") && f.contains("Bob Baker, please post the next steps"));
        ReleaseCandidate promoted = inFlight(42, ALICE, T).promote(Optional.empty(), T);
        String p = text(new LedgerEvent.RcPromoted(promoted, List.of(inFlight(41, BOB, T).closedByPromotion(rcBuild(42), T))));
        assertTrue(p, p.contains("was promoted to production (release manager Alice Archer). Closed older release "
                + "candidates: checkout/release-candidate#41."));
        ReleaseCandidate handed = inFlight(41, BOB, T).handOver(CAROL, BOB, false, T);
        assertTrue(text(new LedgerEvent.HandedOver(handed, "Bob Baker", BOB)).contains("passed from Bob Baker to Carol Chen"));
        ReleaseCandidate stale = inFlight(40, BOB, T.minus(Duration.ofDays(8)));
        String s = plain.render(new LedgerEvent.RcStale(stale), T).orElseThrow().text();
        assertTrue(s, s.contains("in flight for 8d 0h") && s.contains("Bob Baker, promote it or reject it"));
    }

    @Test
    public void escapingCoversEverythingPeopleType() {
        assertEquals("a &amp; b &lt;@U1&gt; &lt;!here&gt;", Mrkdwn.escape("a & b <@U1> <!here>"));
        assertEquals("<https://x/y%7Cz|a &lt;b&gt;>", Mrkdwn.link("https://x/y|z", "a <b>"));
        assertEquals("plain", Mrkdwn.link(null, "plain"));
        Person sneaky = Person.named("<!channel>");
        assertFalse(plain.person(sneaky).contains("<"));
    }

    @Test
    public void deployedRcIsNotAnnounced() {
        assertTrue(plain.render(new LedgerEvent.RcDeployed(inFlight(41, BOB, T)), T).isEmpty());
    }

    @Test
    public void aTurnFreedIsNotAnnounced() {
        assertTrue(plain.render(new LedgerEvent.TurnFreed("checkout", rcBuild(41), "aborted"), T).isEmpty());
    }

    @Test
    public void aRemovedRcIsAnnouncedWithNextSteps() {
        SlackMessage m = plain.render(new LedgerEvent.RcRemoved(inFlight(41, BOB, T).removed(T)), T).orElseThrow();
        assertEquals(":wastebasket: Release candidate checkout/release-candidate#41 of *checkout* was removed: its "
                + "build was deleted. It will not be promoted and the product is free for the next release candidate. "
                + "Bob Baker, please post the next steps here.", m.text());
        assertEquals("warning", m.color());
    }
}
