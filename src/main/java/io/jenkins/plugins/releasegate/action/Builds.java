package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.BuildRef;

/** Finds the build core names, whoever is asking: the ledger's view does not depend on the caller's rights. */
@Restricted(NoExternalUse.class)
public final class Builds {
    private Builds() {
    }

    @CheckForNull
    public static Run<?, ?> find(BuildRef ref) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            Job<?, ?> job = Jenkins.get().getItemByFullName(ref.job(), Job.class);
            return job == null ? null : job.getBuildByNumber(ref.number());
        }
    }

    /** The build, if the current user may see it: for pages, which must not show more than the viewer may read. */
    @CheckForNull
    public static Run<?, ?> findVisible(BuildRef ref) {
        Job<?, ?> job = Jenkins.get().getItemByFullName(ref.job(), Job.class);
        return job == null ? null : job.getBuildByNumber(ref.number());
    }

    public static BuildRef ref(Run<?, ?> run) {
        return new BuildRef(run.getParent().getFullName(), run.getNumber());
    }
}
