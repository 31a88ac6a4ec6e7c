package org.releasegate.benchmarks;

import java.time.Duration;
import java.time.Instant;
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
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.Schedule;

/**
 * "When may a release of this runway next start?" from instants where it may not: the engine reads period edges, the
 * baseline walks minute by minute until enough open minutes follow one another.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class RunwayBenchmark {
    @Param({"default", "busy"})
    public String policy;

    @Param({Fixtures.LATE_IN_WINDOW, Fixtures.FRIDAY_EVENING, Fixtures.HOLIDAY_FREEZE})
    public String at;

    @Param({"30m", "2h"})
    public String runway;

    private Schedule schedule;
    private Instant instant;
    private Duration length;

    @Setup
    public void setUp() {
        schedule = Fixtures.schedule(policy);
        instant = Fixtures.instant(at);
        length = Runway.parse(runway);
        Guard.agreeOnRunway(schedule, instant, length);
    }

    @Benchmark
    public Optional<Instant> engine() {
        return schedule.evaluate(instant, length).nextOpening();
    }

    @Benchmark
    public Optional<Instant> naive() {
        return MinuteByMinute.nextStart(schedule, instant, length);
    }
}
