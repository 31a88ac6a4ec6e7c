package io.jenkins.plugins.releasegate.slack;

import hudson.model.Run;
import io.jenkins.plugins.releasegate.action.Builds;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.rc.BuildRef;

/** A build's address for the channel: the Jenkins URL and the build's own, when both are known. */
@Restricted(NoExternalUse.class)
final class BuildUrls {
    private BuildUrls() {
    }

    static Optional<String> of(BuildRef ref) {
        Run<?, ?> run = Builds.find(ref);
        String root = Jenkins.get().getRootUrl();
        // Without a configured Jenkins URL a link would point nowhere: core then prints the build's name alone.
        return run == null || root == null ? Optional.empty() : Optional.of(root + run.getUrl());
    }
}
