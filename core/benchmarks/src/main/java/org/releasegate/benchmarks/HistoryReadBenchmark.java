package org.releasegate.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.ledger.LedgerRebuild;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.UnstableRc;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * Rebuilding a product's ledger from build history: core's reader, which stops at the newest promoted RC, against a
 * full scan that reads every build and keeps the RCs still open. In Jenkins each build read is a build loaded from
 * disk, so these in-memory ratios understate the difference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class HistoryReadBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

    @Param({"1000", "100000"})
    public int depth;

    private final ProductPolicy policy = ProductPolicy.builder("checkout").rcMaxAge(Duration.ofDays(100_000)).build();
    private List<BuildRecord> history;

    @Setup
    public void setUp() {
        history = new ArrayList<>(depth);
        for (int number = depth; number >= 1; number--) {
            history.add(build(number));
        }
        List<BuildRef> engine = engine();
        List<BuildRef> full = fullScan();
        if (!engine.equals(full)) {
            throw new IllegalStateException("the reader and the full scan disagree: " + engine + " vs " + full);
        }
    }

    /** A build an hour apart; the newest is in flight, the fourth newest was promoted, every 50th was an RC once. */
    private BuildRecord build(int number) {
        Instant at = NOW.minus(Duration.ofHours(depth - number));
        BuildRef ref = new BuildRef("checkout/release-candidate", number);
        Optional<ReleaseCandidate> rc = Optional.empty();
        if (number == depth || number == depth - 3 || number % 50 == 0) {
            ReleaseCandidate started = ReleaseCandidate.started(ref, "checkout",
                    ReleaseManager.of(Person.user("alice"), ReleaseManager.Source.USER), List.of(), Optional.empty(), at);
            ReleaseCandidate inFlight = started.finished(BuildResult.SUCCESS, UnstableRc.IN_FLIGHT, at.plusSeconds(60));
            rc = Optional.of(number == depth ? inFlight : inFlight.promote(Optional.empty(), at.plusSeconds(600)));
        }
        return new BuildRecord(ref, at, false, Optional.of(BuildResult.SUCCESS), rc);
    }

    @Benchmark
    public List<BuildRef> engine() {
        return LedgerRebuild.read(policy, history.iterator(), NOW).candidates().stream()
                .filter(rc -> rc.getState().isOpen()).map(ReleaseCandidate::getBuild).toList();
    }

    /** Reads every build, then keeps the open RCs newer than the newest promotion. */
    @Benchmark
    public List<BuildRef> fullScan() {
        List<ReleaseCandidate> marks = new ArrayList<>();
        for (BuildRecord b : history) {
            b.rc().ifPresent(marks::add);
        }
        Instant promoted = marks.stream().filter(rc -> rc.getState() == RcState.PROMOTED)
                .map(ReleaseCandidate::getStartedAt).max(Instant::compareTo).orElse(Instant.MIN);
        return marks.stream().filter(rc -> rc.getState().isOpen() && rc.getStartedAt().isAfter(promoted))
                .map(ReleaseCandidate::getBuild).toList();
    }
}
