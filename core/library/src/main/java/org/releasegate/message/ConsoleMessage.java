package org.releasegate.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.decision.Stage;
import org.releasegate.decision.Warning;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.people.Person;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.WindowStatus;

/**
 * The words a build's console shows for a decision: plain text, one line a fact. The plugin adds links around the
 * builds and people it names; nothing here is markup.
 */
public final class ConsoleMessage {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);

    private ConsoleMessage() {
    }

    public static String render(GateDecision d, ZoneId zone) {
        return d.isAllowed() ? allowed(d, zone) : blocked(d, zone);
    }

    private static String subject(GateDecision d) {
        return d.stage() == Stage.RC ? "release candidate of " + d.product() : "production release of " + d.product();
    }

    private static String allowed(GateDecision d, ZoneId zone) {
        StringBuilder out = new StringBuilder("Release Gate: ").append(subject(d)).append(" is ALLOWED.\n");
        if (d.stage() == Stage.RC) {
            out.append("Release manager: ").append(d.releaseManager().map(rm -> rm.displayName()).orElse("unassigned"))
                    .append('\n');
            for (ReleaseCandidate old : d.supersedes()) {
                out.append("Supersedes release candidate ").append(old.getBuild()).append(" (release manager ")
                        .append(old.getReleaseManager().displayName()).append("): it is closed now.\n");
            }
        } else {
            if (d.window().open()) {
                out.append("Inside the production window ").append(d.window().window().map(Object::toString).orElse(""))
                        .append(d.window().closesAt().map(c -> ", which closes " + Times.format(c, zone))
                                .orElse(", which never closes")).append(".\n");
                if (!d.window().runway().isZero()) {
                    d.window().lastStart().ifPresent(last -> out.append("A production release of ").append(d.product())
                            .append(" needs ").append(Runway.words(d.window().runway()))
                            .append(": the last start in this window is ").append(Times.format(last, zone))
                            .append(".\n"));
                }
            }
            boolean candidatesChecked = d.warnings().stream().noneMatch(w -> w.code() == Warning.Code.CANDIDATES_UNKNOWN);
            if (d.promotes().isPresent()) {
                ReleaseCandidate rc = d.promotes().get();
                out.append("Promotes release candidate ").append(rc.getBuild()).append(" (release manager ")
                        .append(rc.getReleaseManager().displayName()).append(").\n");
            } else if (candidatesChecked) {
                out.append("No release candidate to promote: ").append(d.product()).append(" releases without one.\n");
            }
        }
        d.exception().ifPresent(e -> out.append(exception(e)).append('\n'));
        warnings(d, out);
        return out.toString();
    }

    /** "Urgent exception PRODUCTION_DOWN (INC-4411 ...) by alice lifted the production window; approved by carol." */
    public static String exception(AppliedUrgency e) {
        return "Urgent exception " + e.urgency().category() + " (" + e.urgency().reason() + ")"
                + e.requester().map(p -> " requested by " + p).orElse("") + " lifted " + lifted(e)
                + e.approvedBy().map(p -> "; approved by " + p).orElse("") + ".";
    }

    static String lifted(AppliedUrgency e) {
        return e.lifted().stream().map(ConsoleMessage::liftName).collect(Collectors.joining(" and "));
    }

    static String liftName(Lift lift) {
        return switch (lift) {
            case WINDOW -> "the production window";
            case FREEZE -> "the freeze";
            case RC_IN_FLIGHT -> "the release candidate in flight";
        };
    }

    private static String blocked(GateDecision d, ZoneId zone) {
        StringBuilder out = new StringBuilder("Release Gate: ").append(subject(d)).append(" is BLOCKED.\n");
        out.append("What blocks it:\n");
        for (Reason r : d.reasons()) {
            out.append("  - ").append(r.text());
            r.owner().ifPresent(p -> out.append("; owner: ").append(p));
            r.since().ifPresent(s -> out.append("; since ").append(Times.format(s, zone)));
            if (r.code() != Reason.Code.OUTSIDE_WINDOW && r.code() != Reason.Code.RUNWAY) {
                r.until().ifPresent(u -> out.append("; until ").append(Times.format(u, zone)));
            }
            out.append('\n');
        }
        if (d.has(Reason.Code.RUNWAY)) {
            out.append(runway(d, zone)).append('\n');
        } else if (d.stage() == Stage.PRODUCTION || !d.window().open()) {
            out.append(d.window().open() ? "The production window is open now"
                    + d.window().closesAt().map(c -> " until " + Times.format(c, zone)).orElse("") + ".\n"
                    : d.window().nextOpening().map(n -> "The next production window opens " + Times.format(n, zone) + ".\n")
                            .orElse("Production never opens under this policy: it has no window ahead.\n"));
        }
        d.earliestPass().ifPresent(t -> out.append("Earliest it could pass: ").append(Times.format(t, zone)).append(".\n"));
        out.append(urgentAdvice(d)).append('\n');
        warnings(d, out);
        return out.toString();
    }

    /**
     * "The production window closes at 16:00 EST, in 12 minutes; a production release of checkout needs 30 minutes.
     * Next chance: Mon 2026-11-30 08:00 EST."
     */
    static String runway(GateDecision d, ZoneId zone) {
        WindowStatus w = d.window();
        String closes = w.closesAt().map(c -> "The production window closes at " + clock(c, zone)
                + ", in " + Runway.words(Duration.between(d.at(), c)) + "; ").orElse("");
        return closes + "a production release of " + d.product() + " needs " + Runway.words(w.runway()) + ". "
                + w.nextOpening().map(n -> "Next chance: " + Times.local(n, zone) + ".")
                        .orElse("No stretch ahead is open that long under this policy.");
    }

    /** {@code 16:00 EST}: a time of day in the zone, for "closes at". */
    public static String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }

    /**
     * "Release Gate: production release checkout #57 is still running after the window closed at 16:00 EST."
     *
     * @param product the product released
     * @param number the production build's number
     */
    public static String stillRunning(String product, int number, Instant closedAt, ZoneId zone) {
        return "Release Gate: production release " + product + " #" + number + " is still running after the window "
                + "closed at " + clock(closedAt, zone) + ". It is not stopped; the product's channel has been told.";
    }

    /** What to do if it is urgent, for what blocks this decision. */
    static String urgentAdvice(GateDecision d) {
        StringBuilder out = new StringBuilder("If it is urgent: ");
        List<Person> holders = d.reasons().stream().filter(r -> r.code() == Reason.Code.HOLD)
                .flatMap(r -> r.owner().stream()).distinct().toList();
        if (d.approvalNeeded()) {
            out.append("the urgent exception needs the Override permission; ask someone who has it to approve it on "
                    + "the build's page (the build waits for the approval with wait: true). ");
        } else if (d.stage() == Stage.PRODUCTION && (d.has(Reason.Code.OUTSIDE_WINDOW) || d.has(Reason.Code.FREEZE)
                || d.has(Reason.Code.RUNWAY))) {
            out.append("run again with urgency (").append(categories())
                    .append(") and a reason; lifting the window or a freeze needs the Override permission. ");
        } else if (d.has(Reason.Code.RC_IN_FLIGHT)) {
            out.append("tell the team in the product's channel first, then run again with urgency (")
                    .append(categories()).append(") and a reason: the release candidate in flight will be superseded. ");
        }
        if (!holders.isEmpty()) {
            out.append("An urgent exception does not lift a hold: ask ")
                    .append(holders.stream().map(Person::toString).collect(Collectors.joining(" or ")))
                    .append(" to lift it, or someone with the Hold permission. ");
        }
        if (out.length() == "If it is urgent: ".length()) {
            out.append("talk to the people named above in the product's channel. ");
        }
        return out.toString().trim();
    }

    static String categories() {
        return UrgencyCategory.names();
    }

    private static void warnings(GateDecision d, StringBuilder out) {
        for (Warning w : d.warnings()) {
            out.append("Warning: ").append(w.text()).append('\n');
        }
    }

    /** The first line: what was decided, for a one-line summary. */
    public static String headline(GateDecision d) {
        return "Release Gate: " + subject(d) + " is " + d.verdict() + "."
                + Optional.of(d.reasons()).filter(r -> !r.isEmpty())
                        .map(r -> " " + r.get(0).text() + (r.size() > 1 ? " (and " + (r.size() - 1) + " more)" : ""))
                        .orElse("");
    }
}
