package io.jenkins.plugins.releasegate.step;

import java.util.ArrayList;
import java.util.HashMap;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.decision.Stage;
import org.releasegate.decision.Warning;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * What the step returns to the Jenkinsfile: a plain map of strings, booleans and lists of strings, which sandboxed
 * scripts can read ({@code def gate = releaseGate(...); echo gate.releaseManager}).
 */
@Restricted(NoExternalUse.class)
final class GateResult {
    private GateResult() {
    }

    static HashMap<String, Object> of(GateDecision d, GateParameters params, BuildRef build) {
        HashMap<String, Object> map = new HashMap<>();
        map.put("decision", d.verdict().name());
        map.put("product", d.product());
        map.put("stage", d.stage().name().toLowerCase(java.util.Locale.ROOT));
        map.put("dryRun", params.dryRun);
        map.put("releaseManager", d.releaseManager().map(ReleaseManager::displayName).orElse(null));
        map.put("releaseManagerId", d.releaseManager().flatMap(ReleaseManager::person).map(Person::id).orElse(null));
        String rc = d.stage() == Stage.RC ? build.toString()
                : d.promotes().map(ReleaseCandidate::getBuild).map(BuildRef::toString).orElse(null);
        map.put("rcBuild", rc);
        map.put("reasons", new ArrayList<>(d.reasons().stream().map(Reason::text).toList()));
        map.put("warnings", new ArrayList<>(d.warnings().stream().map(Warning::text).toList()));
        map.put("supersedes", new ArrayList<>(d.supersedes().stream().map(c -> c.getBuild().toString()).toList()));
        map.put("exception", d.exception().map(e -> e.urgency().category().name()).orElse(null));
        map.put("earliestPass", d.earliestPass().map(Object::toString).orElse(null));
        return map;
    }

}
