package org.releasegate.benchmarks;

import java.time.Instant;
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
import org.releasegate.schedule.WindowStatus;

/** "Is it open now, and when does that change?": the engine's evaluate against stepping minute by minute. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EvaluateBenchmark {
    @Param({"default", "busy"})
    public String policy;

    @Param({Fixtures.IN_WINDOW, Fixtures.LATE_NIGHT, Fixtures.FRIDAY_EVENING, Fixtures.BEFORE_SPRING_DST,
            Fixtures.BEFORE_FALL_DST, Fixtures.HOLIDAY_FREEZE})
    public String at;

    private Schedule schedule;
    private Instant instant;

    @Setup
    public void setUp() {
        schedule = Fixtures.schedule(policy);
        instant = Fixtures.instant(at);
        Guard.agree(schedule, instant);
    }

    @Benchmark
    public WindowStatus engine() {
        return schedule.evaluate(instant);
    }

    @Benchmark
    public MinuteByMinute.Status naive() {
        return MinuteByMinute.evaluate(schedule, instant);
    }
}
