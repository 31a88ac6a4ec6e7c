package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import io.jenkins.plugins.releasegate.action.Builds;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.BuildRef;

/** Links to the builds the ledger names, for the viewer: a build they may not read is neither linked nor named. */
@Restricted(NoExternalUse.class)
final class BuildLinks {
    private BuildLinks() {
    }

    /** The build's URL relative to the Jenkins root, or null when it is gone or hidden from the current user. */
    @CheckForNull
    static String url(BuildRef ref) {
        Run<?, ?> run = Builds.findVisible(ref);
        return run == null ? null : run.getUrl();
    }
}
