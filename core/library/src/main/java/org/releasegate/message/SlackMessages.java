package org.releasegate.message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.decision.Stage;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * The words the product's Slack channel reads for each ledger event. The plugin supplies how to mention a person (the
 * Slack plugin's user-id resolver) and the URL of a build; everything people typed is escaped.
 */
public final class SlackMessages {
    private final ZoneId zone;
    private final Function<Person, Optional<String>> slackUserIds;
    private final Function<BuildRef, Optional<String>> buildUrls;

    /**
     * @param zone the product's zone, for times
     * @param slackUserIds a person's Slack member id, where known
     * @param buildUrls a build's absolute URL, where known
     */
    public SlackMessages(ZoneId zone, Function<Person, Optional<String>> slackUserIds,
            Function<BuildRef, Optional<String>> buildUrls) {
        this.zone = zone;
        this.slackUserIds = slackUserIds;
        this.buildUrls = buildUrls;
    }

    /** Plain names, no links: for tests and for a channel without a resolver. */
    public static SlackMessages plain(ZoneId zone) {
        return new SlackMessages(zone, p -> Optional.empty(), b -> Optional.empty());
    }

    /**
     * The message for an event, or empty for one the channel does not hear of (an RC deployed to CI/QA, a turn at the
     * gate freed).
     */
    public Optional<SlackMessage> render(LedgerEvent event, Instant now) {
        boolean silent = event instanceof LedgerEvent.RcDeployed || event instanceof LedgerEvent.TurnFreed;
        return silent ? Optional.empty() : Optional.of(message(event, now));
    }

    private SlackMessage message(LedgerEvent event, Instant now) {
        if (event instanceof LedgerEvent.RcStarted e) {
            return started(e.rc());
        }
        if (event instanceof LedgerEvent.RcSuperseded e) {
            return superseded(e);
        }
        if (event instanceof LedgerEvent.Blocked e) {
            return blocked(e.decision(), e.build());
        }
        if (event instanceof LedgerEvent.ExceptionUsed e) {
            return exceptionUsed(e);
        }
        if (event instanceof LedgerEvent.RcFailed e) {
            return new SlackMessage(":boom: Release candidate " + build(e.rc().getBuild())
                    + " of *" + esc(e.rc().getProduct()) + "* failed: " + esc(closureReason(e.rc()))
                    + ". It will not be promoted and the product is free for the next release candidate. "
                    + manager(e.rc().getReleaseManager()) + ", please post the next steps here.", "danger");
        }
        if (event instanceof LedgerEvent.RcPromoted e) {
            return promoted(e);
        }
        if (event instanceof LedgerEvent.RcRemoved e) {
            return new SlackMessage(":wastebasket: Release candidate " + esc(e.rc().getBuild().toString())
                    + " of *" + esc(e.rc().getProduct()) + "* was removed: its build was deleted. It will not be "
                    + "promoted and the product is free for the next release candidate. "
                    + manager(e.rc().getReleaseManager()) + ", please post the next steps here.", "warning");
        }
        if (event instanceof LedgerEvent.RcRejected e) {
            return rejected(e.rc());
        }
        if (event instanceof LedgerEvent.HandedOver e) {
            return new SlackMessage(":handshake: Release management of "
                    + build(e.rc().getBuild()) + " passed from " + esc(e.from()) + " to "
                    + manager(e.rc().getReleaseManager()) + " (by " + person(e.by()) + "). "
                    + manager(e.rc().getReleaseManager()) + " now verifies it in the RC environment.", "good");
        }
        if (event instanceof LedgerEvent.RcStale e) {
            return new SlackMessage(":hourglass: Release candidate " + build(e.rc().getBuild())
                    + " of *" + esc(e.rc().getProduct()) + "* has been in flight for "
                    + Times.age(java.time.Duration.between(e.rc().getStartedAt(), now)) + " (since "
                    + Times.local(e.rc().getStartedAt(), zone) + ") and is stale: it no longer holds the product. "
                    + manager(e.rc().getReleaseManager()) + ", promote it or reject it with next steps.", "warning");
        }
        if (event instanceof LedgerEvent.RcExpired e) {
            return new SlackMessage(":hourglass: Release candidate " + build(e.rc().getBuild()) + " of *"
                    + esc(e.rc().getProduct()) + "* (since " + Times.local(e.rc().getStartedAt(), zone) + ") expired: "
                    + esc(closureReason(e.rc())) + ". It will not be promoted and no longer holds the product. "
                    + manager(e.rc().getReleaseManager()) + ", please post the next steps here.", "warning");
        }
        if (event instanceof LedgerEvent.HoldPlaced e) {
            return new SlackMessage(":octagonal_sign: " + holdSubject(e.hold())
                    + " placed by " + person(e.hold().author()) + ": " + esc(e.hold().reason())
                    + e.hold().expiresAt().map(x -> " (expires " + Times.local(x, zone) + ")").orElse("")
                    + ". No new release candidate and no production release until it is lifted.", "warning");
        }
        if (event instanceof LedgerEvent.HoldLifted e) {
            return new SlackMessage(":white_check_mark: " + holdSubject(e.hold())
                    + " by " + person(e.hold().author()) + " (" + esc(e.hold().reason()) + ") lifted by "
                    + person(e.by()) + ".", "good");
        }
        if (event instanceof LedgerEvent.HoldExpired e) {
            return new SlackMessage(":white_check_mark: " + holdSubject(e.hold())
                    + " by " + person(e.hold().author()) + " (" + esc(e.hold().reason()) + ") expired.", "good");
        }
        if (event instanceof LedgerEvent.StillRunning e) {
            return new SlackMessage(":alarm_clock: Production release " + build(e.build()) + " of *"
                    + esc(e.productName()) + "* is still running after the window closed at "
                    + ConsoleMessage.clock(e.closedAt(), zone) + ". It is not stopped; its release manager should "
                    + "watch it to the end and post here how it went.", "warning");
        }
        throw new IllegalArgumentException("no message for " + event);
    }

    private SlackMessage started(ReleaseCandidate rc) {
        String authors = rc.getChangeAuthors().isEmpty() ? ""
                : " Changes by " + rc.getChangeAuthors().stream().map(this::person).collect(Collectors.joining(", "))
                        + ": verify your changes in the RC environment, or ask a team member to take over.";
        String urgent = rc.getUrgency().map(x -> " Urgent: " + esc(x.category().name()) + ", " + esc(x.reason()) + ".")
                .orElse("");
        return new SlackMessage(":rocket: New release candidate of *" + esc(rc.getProduct()) + "*: "
                + build(rc.getBuild()) + ". Release manager: " + manager(rc.getReleaseManager()) + "." + urgent
                + authors, "good");
    }

    private SlackMessage superseded(LedgerEvent.RcSuperseded e) {
        return new SlackMessage(":warning: Release candidate " + build(e.closed().getBuild()) + " of *"
                + esc(e.closed().getProduct()) + "* (release manager " + manager(e.closed().getReleaseManager())
                + ") is being superseded by " + build(e.newer().getBuild()) + " (release manager "
                + manager(e.newer().getReleaseManager()) + "): " + esc(e.exception().urgency().category().name())
                + ", " + esc(e.exception().urgency().reason()) + ". Its changes are not released with it unless "
                + "they are in the new one.", "warning");
    }

    private SlackMessage blocked(GateDecision d, Optional<String> buildName) {
        String what = d.stage() == Stage.RC ? "Release candidate" : "Production release";
        StringBuilder text = new StringBuilder(":no_entry: ").append(what).append(" of *").append(esc(d.product()))
                .append("* blocked").append(buildName.map(b -> " (" + esc(b) + ")").orElse("")).append(':');
        for (Reason r : d.reasons()) {
            text.append("\n• ").append(esc(r.text())).append(r.owner().map(p -> " (owner: " + person(p) + ")").orElse(""));
        }
        if (d.stage() == Stage.PRODUCTION && !d.window().open()) {
            text.append("\nNext production window: ").append(d.window().nextOpening().map(n -> Times.format(n, zone))
                    .orElse("none ahead"));
        }
        text.append("\n").append(esc(ConsoleMessage.urgentAdvice(d)));
        return new SlackMessage(text.toString(), "danger");
    }

    private SlackMessage exceptionUsed(LedgerEvent.ExceptionUsed e) {
        AppliedUrgency x = e.exception();
        return new SlackMessage(":rotating_light: Urgent exception for *" + esc(e.productName()) + "* ("
                + esc(e.build()) + "): " + esc(x.urgency().category().name()) + ", " + esc(x.urgency().reason())
                + ". Requested by " + x.requester().map(this::person).orElse("unknown") + "; lifted "
                + ConsoleMessage.lifted(x) + x.approvedBy().map(p -> "; approved by " + person(p)).orElse("") + ".",
                "warning");
    }

    private SlackMessage promoted(LedgerEvent.RcPromoted e) {
        String closed = e.closed().isEmpty() ? "" : " Closed older release candidates: "
                + e.closed().stream().map(rc -> build(rc.getBuild())).collect(Collectors.joining(", ")) + ".";
        return new SlackMessage(":tada: Release candidate " + build(e.rc().getBuild()) + " of *"
                + esc(e.rc().getProduct()) + "* was promoted to production (release manager "
                + manager(e.rc().getReleaseManager()) + ")." + closed, "good");
    }

    private SlackMessage rejected(ReleaseCandidate rc) {
        ReleaseCandidate.Closure c = rc.getClosure().orElseThrow();
        return new SlackMessage(":x: Release candidate " + build(rc.getBuild()) + " of *" + esc(rc.getProduct())
                + "* will not be promoted" + c.by().map(p -> " (rejected by " + person(p) + ")").orElse("") + ": "
                + esc(c.reason()) + "\n*Next steps:* " + esc(c.nextSteps().orElse("not given")), "danger");
    }

    private String closureReason(ReleaseCandidate rc) {
        return rc.getClosure().map(ReleaseCandidate.Closure::reason).orElse(rc.getState().name());
    }

    private String holdSubject(Hold hold) {
        return hold.product().map(p -> "Hold on *" + esc(p) + "*").orElse("Hold on *every product*");
    }

    private String manager(ReleaseManager rm) {
        return rm.person().map(this::person).orElse("_unassigned_ (someone please take it over)");
    }

    /** A mention where the resolver knows the person, else their escaped name. */
    String person(Person p) {
        return slackUserIds.apply(p).map(id -> "<@" + id + ">").orElse(esc(p.displayName()));
    }

    private String build(BuildRef ref) {
        return Mrkdwn.link(buildUrls.apply(ref).orElse(null), ref.toString());
    }

    private static String esc(String text) {
        return Mrkdwn.escape(text);
    }
}
