package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.BuildRef;
import org.springframework.security.access.AccessDeniedException;

/** Links to the builds the ledger names, for the viewer: a build they may not see is named, never linked. */
@Restricted(NoExternalUse.class)
final class BuildLinks {
    private BuildLinks() {
    }

    /** The build's URL relative to the Jenkins root, or null when it is gone or hidden from the current user. */
    @CheckForNull
    static String url(BuildRef ref) {
        try {
            Job<?, ?> job = Jenkins.get().getItemByFullName(ref.job(), Job.class);
            Run<?, ?> run = job == null ? null : job.getBuildByNumber(ref.number());
            return run == null ? null : run.getUrl();
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
