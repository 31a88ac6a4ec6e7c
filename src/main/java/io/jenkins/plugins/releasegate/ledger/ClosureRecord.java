package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;

/**
 * Why and by whom an RC was closed, as persisted and exported.
 * <p>Visibility 3: the build's default api/json (no tree=) prunes by depth (Stapler's TreePruner.ByDepth): the run
 * is depth 1, its actions 2, this bean's fields 3.
 */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class ClosureRecord {
    private final PersonRecord by;
    private final long at;
    private final String reason;
    private final String nextSteps;
    private final String closedFor;

    private ClosureRecord(PersonRecord by, long at, String reason, String nextSteps, String closedFor) {
        this.by = by;
        this.at = at;
        this.reason = reason;
        this.nextSteps = nextSteps;
        this.closedFor = closedFor;
    }

    static ClosureRecord of(ReleaseCandidate.Closure c) {
        return new ClosureRecord(PersonRecord.of(c.by().orElse(null)), c.at().toEpochMilli(), c.reason(),
                c.nextSteps().orElse(null), c.closedFor().map(BuildRef::toString).orElse(null));
    }

    ReleaseCandidate.Closure toClosure() {
        return new ReleaseCandidate.Closure(Optional.ofNullable(PersonRecord.toPerson(by)), Instant.ofEpochMilli(at),
                reason == null ? "" : reason, Optional.ofNullable(nextSteps),
                Optional.ofNullable(closedFor).map(BuildRef::parse));
    }

    @Exported
    @CheckForNull
    public PersonRecord getBy() {
        return by;
    }

    @Exported
    public String getAt() {
        return Instant.ofEpochMilli(at).toString();
    }

    @Exported
    public String getReason() {
        return reason;
    }

    @Exported
    @CheckForNull
    public String getNextSteps() {
        return nextSteps;
    }

    @Exported
    @CheckForNull
    public String getClosedFor() {
        return closedFor;
    }
}
