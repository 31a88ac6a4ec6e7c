package org.releasegate.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.releasegate.schedule.Schedule;

/**
 * The baseline: ask the definition, {@link Schedule#isOpen}, one minute after another until the answer changes.
 * Exact when the start is on a whole minute, since every window edge and freeze edge is on one.
 */
public final class MinuteByMinute {
    /** Give up after 400 days of minutes, so a policy that never changes still returns. */
    static final long MAX_STEPS = 400L * 24 * 60;

    /** Open or not at the instant, and the first minute at which that changes (empty: not within the cap). */
    public record Status(boolean open, Optional<Instant> nextChange) {
    }

    private MinuteByMinute() {
    }

    public static Status evaluate(Schedule schedule, Instant at) {
        boolean open = schedule.isOpen(at);
        return new Status(open, nextChange(schedule, at, open));
    }

    /** As {@code evaluate(at).nextOpening()}: empty when already open. */
    public static Optional<Instant> nextOpening(Schedule schedule, Instant at) {
        return schedule.isOpen(at) ? Optional.empty() : nextChange(schedule, at, false);
    }

    /**
     * The first whole minute from {@code at} at which a release needing {@code runway} may start: the start of the
     * first run of open minutes at least the runway long (empty: not within the cap). The runway's baseline.
     */
    public static Optional<Instant> nextStart(Schedule schedule, Instant at, Duration runway) {
        long needed = Math.max(1, runway.toMinutes());
        Instant streak = null;
        Instant t = at;
        for (long step = 0; step < MAX_STEPS; step++, t = t.plusSeconds(60)) {
            if (!schedule.isOpen(t)) {
                streak = null;
            } else {
                streak = streak == null ? t : streak;
                if (Duration.between(streak, t).toMinutes() + 1 >= needed) {
                    return Optional.of(streak);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> nextChange(Schedule schedule, Instant at, boolean open) {
        Instant t = at;
        for (long step = 0; step < MAX_STEPS; step++) {
            t = t.plusSeconds(60);
            if (schedule.isOpen(t) != open) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
