package org.releasegate.benchmarks;

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
import org.releasegate.schedule.Schedule;

/** "When can I next release?" from instants closed under both policies: the search the gate shows when it waits. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class NextOpeningBenchmark {
    @Param({"default", "busy"})
    public String policy;

    @Param({Fixtures.LATE_NIGHT, Fixtures.FRIDAY_EVENING, Fixtures.BEFORE_SPRING_DST, Fixtures.BEFORE_FALL_DST,
            Fixtures.HOLIDAY_FREEZE})
    public String at;

    private Schedule schedule;
    private Instant instant;

    @Setup
    public void setUp() {
        schedule = Fixtures.schedule(policy);
        instant = Fixtures.instant(at);
        Guard.closed(schedule, instant);
    }

    @Benchmark
    public Optional<Instant> engine() {
        return schedule.evaluate(instant).nextOpening();
    }

    @Benchmark
    public Optional<Instant> naive() {
        return MinuteByMinute.nextOpening(schedule, instant);
    }
}
