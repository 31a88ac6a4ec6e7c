package io.jenkins.plugins.releasegate.step;

import hudson.console.ModelHyperlinkNote;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import io.jenkins.plugins.releasegate.action.Builds;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/** Prints core's words for a decision, then links to the builds, people and holds it names. */
@Restricted(NoExternalUse.class)
final class ConsoleReport {
    private ConsoleReport() {
    }

    static void print(TaskListener listener, GateDecision d, ZoneId zone) {
        PrintStream out = listener.getLogger();
        out.print(plain(ConsoleMessage.render(d, zone)));
        Set<String> links = new LinkedHashSet<>();
        for (Reason r : d.reasons()) {
            r.build().ifPresent(b -> links.add(build(b)));
            r.owner().ifPresent(p -> links.add(person(p)));
            r.holdId().ifPresent(h -> links.add(ModelHyperlinkNote.encodeTo("/release-gate/", "hold " + h)));
        }
        d.promotes().ifPresent(rc -> links.add(build(rc.getBuild())));
        d.supersedes().forEach(rc -> links.add(build(rc.getBuild())));
        if (!links.isEmpty()) {
            out.println("See: " + String.join(", ", links));
        }
    }

    /**
     * Core's words carry what people typed (reasons, next steps). Console notes are escape sequences, so a typed ESC
     * could forge a link: only our own links may carry one.
     */
    static String plain(String text) {
        return text.replace("\u001B", "");
    }

    private static String build(BuildRef ref) {
        Run<?, ?> run = Builds.find(ref);
        return run == null ? ref.toString() : ModelHyperlinkNote.encodeTo("/" + run.getUrl(), ref.toString());
    }

    private static String person(Person p) {
        User user = p.userId().map(id -> User.getById(id, false)).orElse(null);
        return user == null ? p.displayName() : ModelHyperlinkNote.encodeTo(user, p.displayName());
    }
}
