package org.releasegate.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.rc.ReleaseCandidate;

/**
 * What reading build history found.
 *
 * @param candidates the product's RCs found, newest first, with states brought up to date
 * @param buildsRead how many builds were read
 * @param oldestRead the start of the oldest build read
 * @param stoppedBy why reading stopped
 */
public record RebuildResult(List<ReleaseCandidate> candidates, int buildsRead, Optional<Instant> oldestRead,
        StopReason stoppedBy) {
    /** Why reading history stopped. */
    public enum StopReason {
        /** The newest promoted RC: every older one was closed when it was promoted. */
        PROMOTED_RC,
        /**
         * The first RC mark older than the expiry age (kept in the result): older RCs have expired and cannot hold
         * the product any more.
         */
        AGE_BOUND,
        /** History ran out. */
        END_OF_HISTORY
    }

    public RebuildResult {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(oldestRead, "oldestRead");
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }
}
