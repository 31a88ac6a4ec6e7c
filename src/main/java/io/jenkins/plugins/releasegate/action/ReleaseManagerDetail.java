package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.releasegate.ledger.ReleaseManagerRecord;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.details.Detail;
import jenkins.model.details.DetailFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The release manager in the header of the (new) build page: core draws a detail with an icon, its display name and
 * its link. Details show only on the new, experimental build page; the classic page shows the same in the RC's
 * summary block (docs/user-guide.md says so).
 */
@Restricted(NoExternalUse.class)
public final class ReleaseManagerDetail extends Detail {
    private final ReleaseCandidateAction action;

    ReleaseManagerDetail(Run<?, ?> run, ReleaseCandidateAction action) {
        super(run);
        this.action = action;
    }

    @Override
    public String getIconClassName() {
        return "symbol-person";
    }

    @Override
    public String getDisplayName() {
        ReleaseManagerRecord rm = action.getReleaseManager();
        String name = rm == null ? null : rm.getDisplayName();
        return name == null || name.isBlank() ? Messages.ReleaseManagerDetail_Unassigned()
                : Messages.ReleaseManagerDetail_DisplayName(name);
    }

    @Override
    @CheckForNull
    public String getLink() {
        String url = action.getReleaseManagerUrl();
        return url == null ? null : Jenkins.get().getRootUrlFromRequest() + url;
    }

    /** Adds the detail to builds that carry an RC mark. */
    @Extension
    @Restricted(NoExternalUse.class)
    @SuppressWarnings("rawtypes")
    public static final class Factory extends DetailFactory<Run> {
        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @NonNull
        @Override
        public List<? extends Detail> createFor(@NonNull Run target) {
            ReleaseCandidateAction action = target.getAction(ReleaseCandidateAction.class);
            return action == null ? List.of() : List.of(new ReleaseManagerDetail(target, action));
        }
    }
}
