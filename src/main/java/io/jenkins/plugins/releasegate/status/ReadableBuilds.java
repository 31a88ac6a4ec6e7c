package io.jenkins.plugins.releasegate.status;

import io.jenkins.plugins.releasegate.action.Builds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** A build number in core's texts: {@code job#42}, the job's full name right before it. */
    private static final Pattern BUILD_NUMBER = Pattern.compile("#(\\d+)");
    /** How many words a job's full name may span (job names may hold spaces). */
    private static final int MAX_WORDS = 6;
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

    /**
     * Whether every build that core's text names ({@code "superseded by billing-rc#8: ..."}, a block's reason naming
     * the RC in flight) is one the viewer may read. A name that is no job shows as it is; a job the viewer may not
     * read makes the whole text unfit to show.
     */
    boolean mayReadAllNamedIn(String text) {
        if (text == null || text.indexOf('#') < 0) {
            return true;
        }
        Matcher m = BUILD_NUMBER.matcher(text);
        while (m.find()) {
            int number;
            try {
                number = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                continue; // no build number
            }
            if (number < 1) {
                continue;
            }
            for (String job : jobNamesBefore(text, m.start())) {
                if (Builds.job(job) != null && !mayRead(new BuildRef(job, number))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The candidate job names ending right before {@code end}: the last word, the last two words, and so on. */
    static List<String> jobNamesBefore(String text, int end) {
        List<String> names = new ArrayList<>();
        int start = end;
        for (int words = 0; words < MAX_WORDS && start > 0; words++) {
            int space = text.lastIndexOf(' ', start - 1);
            String name = text.substring(space + 1, end).replaceFirst("^[(\\[\"'`,;:]+", "");
            if (!name.isBlank()) {
                names.add(name);
            }
            if (space < 0) {
                break;
            }
            start = space;
        }
        return names;
    }
}
