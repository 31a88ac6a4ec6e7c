package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.BuildRef;

/**
 * Finds the builds core names. The ledger's view does not depend on the caller's rights, so jobs are always looked up
 * as SYSTEM; what a page may show is then decided by the caller's Item/Read on the job. Looking up as the caller
 * instead throws {@code AccessDeniedException} for a user with Discover but not Read (Jenkins.getItem), and returns
 * null inside a folder they cannot read.
 */
@Restricted(NoExternalUse.class)
public final class Builds {
    private Builds() {
    }

    @CheckForNull
    public static Run<?, ?> find(BuildRef ref) {
        Job<?, ?> job = job(ref.job());
        return job == null ? null : job.getBuildByNumber(ref.number());
    }

    /** The build, if the current user may read its job: for pages, which must not show more than the viewer may. */
    @CheckForNull
    public static Run<?, ?> findVisible(BuildRef ref) {
        Job<?, ?> job = job(ref.job());
        return job == null || !job.hasPermission(Item.READ) ? null : job.getBuildByNumber(ref.number());
    }

    /**
     * Whether the current user may see that the ledger names this build: Item/Read on its job. A job that is gone
     * (deleted or renamed since) is shown to administrators only, who can clear what it still holds.
     */
    public static boolean isReadable(BuildRef ref) {
        Job<?, ?> job = job(ref.job());
        return job == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : job.hasPermission(Item.READ);
    }

    /** The job of that full name, whoever asks; null when there is none. */
    @CheckForNull
    public static Job<?, ?> job(String fullName) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            return Jenkins.get().getItemByFullName(fullName, Job.class);
        }
    }

    public static BuildRef ref(Run<?, ?> run) {
        return new BuildRef(run.getParent().getFullName(), run.getNumber());
    }
}
