package org.releasegate.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.ReleaseCandidate;

/**
 * One build of a product's jobs as history shows it.
 *
 * @param build the build
 * @param startedAt when it started
 * @param building whether it is still running
 * @param result how it ended, once it has
 * @param rc the RC mark the plugin put on it, if the gate let it through as an RC
 */
public record BuildRecord(BuildRef build, Instant startedAt, boolean building, Optional<BuildResult> result,
        Optional<ReleaseCandidate> rc) {
    public BuildRecord {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rc, "rc");
    }
}
