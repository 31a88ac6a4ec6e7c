package org.releasegate.cli;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.decision.Warning;
import org.releasegate.hold.Hold;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.ProductionWindow;

/**
 * A decision as JSON for scripts and bots. Keys keep this order; times are ISO-8601 in the product's zone, people are
 * display names, builds are {@code job#number}, and anything absent is null (an empty list for lists). The words
 * ({@code headline}, each reason's {@code message}) are the engine's, as the console shows them. The keys are an
 * interface (docs/cli.md): add, never rename or drop without a deprecation there.
 */
final class DecisionJson {
    private DecisionJson() {
    }

    /** @param candidatesChecked whether build history was given, so that inFlight and promotes are known */
    static Map<String, Object> of(GateDecision d, ZoneId zone, boolean candidatesChecked) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("product", d.product());
        json.put("stage", d.stage().name());
        json.put("at", IsoTimes.format(d.at(), zone));
        json.put("decision", d.verdict().name());
        json.put("headline", ConsoleMessage.headline(d));
        json.put("reasons", d.reasons().stream().map(r -> reason(r, zone)).toList());
        json.put("windowOpen", d.window().open());
        json.put("window", d.window().window().map(ProductionWindow::toString).orElse(null));
        json.put("windowClosesAt", IsoTimes.format(d.window().closesAt(), zone));
        json.put("nextOpening", IsoTimes.format(d.window().nextOpening(), zone));
        json.put("freezes", d.window().freezes().stream().map(Freeze::toString).toList());
        json.put("earliestPass", IsoTimes.format(d.earliestPass(), zone));
        json.put("warnings", d.warnings().stream().map(DecisionJson::warning).toList());
        json.put("releaseManager", d.releaseManager().map(DecisionJson::name).orElse(null));
        json.put("candidatesChecked", candidatesChecked);
        json.put("inFlight", d.inFlight().stream().map(rc -> candidate(rc, zone)).toList());
        json.put("holds", d.holds().stream().map(h -> hold(h, zone)).toList());
        json.put("promotes", d.promotes().map(rc -> rc.getBuild().toString()).orElse(null));
        json.put("supersedes", d.supersedes().stream().map(rc -> rc.getBuild().toString()).toList());
        json.put("exception", d.exception().map(DecisionJson::exception).orElse(null));
        json.put("approvalNeeded", d.approvalNeeded());
        json.put("timeZone", zone.getId());
        // The runway (ISO-8601) and, while open, the latest start of a release of that runway in this stretch.
        json.put("runway", d.window().runway().toString());
        json.put("lastStart", IsoTimes.format(d.window().open() ? d.window().lastStart() : Optional.empty(), zone));
        return json;
    }

    private static Map<String, Object> reason(Reason r, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", r.code().name());
        json.put("message", r.text());
        json.put("owner", name(r.owner()));
        json.put("since", IsoTimes.format(r.since(), zone));
        json.put("until", IsoTimes.format(r.until(), zone));
        return json;
    }

    private static Map<String, Object> warning(Warning w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", w.code().name());
        json.put("message", w.text());
        return json;
    }

    private static Map<String, Object> candidate(ReleaseCandidate rc, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("build", rc.getBuild().toString());
        json.put("state", rc.getState().name());
        json.put("releaseManager", name(rc.getReleaseManager()));
        json.put("startedAt", IsoTimes.format(rc.getStartedAt(), zone));
        return json;
    }

    private static Map<String, Object> hold(Hold h, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", h.id());
        json.put("author", h.author().displayName());
        json.put("reason", h.reason());
        json.put("placedAt", IsoTimes.format(h.placedAt(), zone));
        json.put("expiresAt", IsoTimes.format(h.expiresAt(), zone));
        return json;
    }

    private static Map<String, Object> exception(AppliedUrgency e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("category", e.urgency().category().name());
        json.put("reason", e.urgency().reason());
        json.put("lifted", e.lifted().stream().map(Enum::name).toList());
        return json;
    }

    /** Null while nobody is release manager: the console's "unassigned" is a word, not a name. */
    private static String name(ReleaseManager rm) {
        return name(rm.person());
    }

    private static String name(Optional<Person> person) {
        return person.map(Person::displayName).orElse(null);
    }
}
