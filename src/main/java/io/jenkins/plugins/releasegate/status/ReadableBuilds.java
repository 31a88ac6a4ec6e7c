package io.jenkins.plugins.releasegate.status;

import io.jenkins.plugins.releasegate.action.Builds;
import java.util.HashMap;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.rc.BuildRef;

/**
 * Which of the ledger's builds the current user may see on the status page and in its JSON: those whose job they may
 * read (Item/Read, the job looked up as SYSTEM), as Jenkins' own queue API does. Worked out once per job for one
 * request; use it within that request.
 */
@Restricted(NoExternalUse.class)
final class ReadableBuilds {
    private final Map<String, Boolean> byJob = new HashMap<>();

    boolean mayRead(BuildRef build) {
        return byJob.computeIfAbsent(build.job(), job -> Builds.isReadable(build));
    }

    /**
     * Hold lines concern a product, not a build, and show like the holds themselves; every other line names a build
     * ({@code job#number}) and shows only to its readers. A line whose subject is not a build shows to nobody.
     */
    boolean mayRead(AuditEntry entry) {
        if (entry.action() == Action.HOLD_PLACED || entry.action() == Action.HOLD_LIFTED
                || entry.action() == Action.HOLD_EXPIRED) {
            return true;
        }
        try {
            return mayRead(BuildRef.parse(entry.subject()));
        } catch (IllegalArgumentException e) { // PolicyException: not job#number
            return false;
        }
    }
}
