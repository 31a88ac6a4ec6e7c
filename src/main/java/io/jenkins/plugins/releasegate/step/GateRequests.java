package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ApprovalAction;
import io.jenkins.plugins.releasegate.action.Builds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import jenkins.scm.RunWithSCM;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.Approval;
import org.releasegate.decision.GateRequest;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.people.ReleaseManagerResolver;
import org.releasegate.people.TriggerCause;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Runway;
import org.springframework.security.core.Authentication;

/**
 * Gathers what core needs from a build: who triggered it and may they override, who made its changes, whether it is
 * a pull request. Permissions come from Jenkins' authorization, never from the Jenkinsfile.
 */
@Restricted(NoExternalUse.class)
final class GateRequests {
    private GateRequests() {
    }

    /**
     * @param step the flow node id of the step call asking: an approval covers one call, never a later one of the
     *     same build
     */
    static GateRequest of(Run<?, ?> run, ProductPolicy policy, GateParameters params, String step,
            TaskListener listener) {
        Changes changes = Changes.of(run);
        List<TriggerCause> causes = TriggerCauses.of(run.getCauses());
        ReleaseManager rm = ReleaseManagerResolver.resolve(causes, changes.headAuthor(), policy.getDefaultReleaseManager());
        Optional<Person> requester = ReleaseManagerResolver.triggeringUser(causes);
        Approval approval = params.urgency().map(u -> ApprovalAction.approvalFor(run, policy.getName(),
                params.stage(), u.category(), step)).orElse(null);
        return GateRequest.builder(params.stage())
                .build(Builds.ref(run))
                .urgency(params.urgency())
                .candidate(params.candidate())
                .releaseManager(rm)
                .changeAuthors(changes.authors())
                .requester(requester.orElse(null))
                .mayOverride(params.urgency().isPresent() && mayOverride(run.getParent(), requester, listener))
                .approval(approval)
                .changeRequest(isChangeRequest(run.getParent()))
                .expectedDuration(expectedDuration(run.getParent(), params))
                .build();
    }

    /**
     * The longer of the step's {@code expectedDuration} and, with {@code runway: 'auto'}, the job's estimate (the
     * average of its recent successful builds; none for a job without one). Core keeps the product's runway when it is
     * longer.
     */
    static Duration expectedDuration(Job<?, ?> job, GateParameters params) {
        Duration given = params.expectedDuration();
        if (!params.runwayAuto) {
            return given;
        }
        long estimate = job.getEstimatedDuration();
        return estimate > 0 ? Runway.longer(given, Duration.ofMillis(estimate)) : given;
    }

    /**
     * Whether the triggering user holds Override on the job. On single-sign-on realms a user's groups are those of
     * their last login; a user Jenkins cannot find may not override.
     */
    private static boolean mayOverride(Job<?, ?> job, Optional<Person> requester, TaskListener listener) {
        if (!Jenkins.get().isUseSecurity()) {
            return true; // without security everyone may do everything, Override included
        }
        Optional<String> id = requester.flatMap(Person::userId);
        if (id.isEmpty()) {
            return false;
        }
        User user = User.getById(id.get(), false);
        if (user == null) {
            return false;
        }
        try {
            Authentication auth = user.impersonate2();
            return job.hasPermission2(auth, ReleaseGatePermissions.OVERRIDE);
        } catch (RuntimeException e) {
            listener.getLogger().println("Release Gate: could not check the Override permission of " + id.get() + ": "
                    + e.getMessage());
            return false;
        }
    }

    /** The authors of the build's changes, each once, and the author of the head (last) commit. */
    private record Changes(List<Person> authors, Optional<Person> headAuthor) {
        static Changes of(Run<?, ?> run) {
            if (!(run instanceof RunWithSCM<?, ?> scm)) {
                return new Changes(List.of(), Optional.empty());
            }
            Set<Person> authors = new LinkedHashSet<>();
            Person head = null;
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : scm.getChangeSets()) {
                for (ChangeLogSet.Entry entry : set) {
                    User author = entry.getAuthor();
                    head = Person.user(author.getId(), author.getFullName());
                    authors.add(head);
                }
            }
            return new Changes(new ArrayList<>(authors), Optional.ofNullable(head));
        }
    }

    private static boolean isChangeRequest(@CheckForNull Job<?, ?> job) {
        return job != null && SCMHead.HeadByItem.findHead(job) instanceof ChangeRequestSCMHead;
    }
}
