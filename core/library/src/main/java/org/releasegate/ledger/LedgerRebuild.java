package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * Reads a product's RCs back from the marks on its builds, newest first, and stops as soon as no older build can
 * matter: at the newest promoted RC (promotion closed every older one), or at the first RC mark older than the
 * product's expiry age, twice its {@code rcMaxAge} plus the frozen time within it. That RC is kept in the result (an
 * open one has expired: {@link ReleaseCandidate#isExpired}), so a forgotten RC is reported, never silently dropped.
 * Builds without an RC mark do not stop the reader.
 */
public final class LedgerRebuild {
    private LedgerRebuild() {
    }

    /** Builds started before this cannot matter to the product's ledger at {@code now}: its RC expiry bound. */
    public static Instant ageBound(ProductPolicy policy, Instant now) {
        return policy.rcExpiryBound(now);
    }

    public static RebuildResult read(ProductPolicy policy, Iterator<BuildRecord> newestFirst, Instant now) {
        Instant bound = ageBound(policy, now);
        List<ReleaseCandidate> found = new ArrayList<>();
        int read = 0;
        Instant oldest = null;
        while (newestFirst.hasNext()) {
            BuildRecord b = newestFirst.next();
            read++;
            oldest = b.startedAt();
            Optional<ReleaseCandidate> mark = b.rc().filter(rc -> rc.getProduct().equals(policy.getName()));
            if (mark.isEmpty()) {
                continue;
            }
            ReleaseCandidate rc = mark.get();
            if (rc.getState() == RcState.RUNNING && !b.building()) {
                // The controller stopped before the mark caught up with the build's end.
                rc = rc.finished(b.result().orElse(BuildResult.ABORTED), policy.getUnstableRc(), now);
            }
            found.add(rc);
            if (rc.getState() == RcState.PROMOTED) {
                return new RebuildResult(found, read, Optional.of(oldest), RebuildResult.StopReason.PROMOTED_RC);
            }
            if (rc.getStartedAt().isBefore(bound)) {
                // Found, so a forgotten RC is reported (expired) rather than lost; anything older has expired too.
                return new RebuildResult(found, read, Optional.of(oldest), RebuildResult.StopReason.AGE_BOUND);
            }
        }
        return new RebuildResult(found, read, Optional.ofNullable(oldest), RebuildResult.StopReason.END_OF_HISTORY);
    }

    /**
     * Several jobs' histories, each newest first, as one newest-first history. Lazy: it reads one build ahead per job.
     */
    public static Iterator<BuildRecord> merge(List<Iterator<BuildRecord>> histories) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.next.startedAt()).reversed());
        for (Iterator<BuildRecord> h : histories) {
            if (h.hasNext()) {
                heads.add(new Head(h.next(), h));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public BuildRecord next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.rest.hasNext()) {
                    heads.add(new Head(head.rest.next(), head.rest));
                }
                return head.next;
            }
        };
    }

    private record Head(BuildRecord next, Iterator<BuildRecord> rest) {
    }
}
