package org.releasegate.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.releasegate.schedule.Schedule;
import org.releasegate.schedule.WindowStatus;

/** Checked before any timing: an engine that gives wrong answers must not get to look fast. */
final class Guard {
    private Guard() {
    }

    /** Engine and baseline agree on open-or-closed and on when that next changes. */
    static void agree(Schedule schedule, Instant at) {
        if (at.getEpochSecond() % 60 != 0 || at.getNano() != 0) {
            throw new IllegalStateException(at + " is not on a whole minute: the baseline would not be exact");
        }
        WindowStatus engine = schedule.evaluate(at);
        MinuteByMinute.Status naive = MinuteByMinute.evaluate(schedule, at);
        Optional<Instant> engineChange = engine.open() ? engine.closesAt() : engine.nextOpening();
        if (engine.open() != naive.open() || !engineChange.equals(naive.nextChange())) {
            throw new IllegalStateException("engine and minute-by-minute disagree at " + at + ": engine open="
                    + engine.open() + " change=" + engineChange + ", naive open=" + naive.open()
                    + " change=" + naive.nextChange());
        }
    }

    /** Engine and baseline agree on where the next start of a release of {@code runway} may be. */
    static void agreeOnRunway(Schedule schedule, Instant at, Duration runway) {
        agree(schedule, at);
        WindowStatus engine = schedule.evaluate(at, runway);
        Optional<Instant> engineStart = engine.runwayFits() ? Optional.of(at) : engine.nextOpening();
        Optional<Instant> naive = MinuteByMinute.nextStart(schedule, at, runway);
        if (!engineStart.equals(naive)) {
            throw new IllegalStateException("engine and minute-by-minute disagree on a " + runway + " runway at " + at
                    + ": engine " + engineStart + ", naive " + naive);
        }
        if (engine.runwayFits()) {
            throw new IllegalStateException(at + " fits a " + runway + " runway: there is no next start to search for");
        }
    }

    /** The next-opening benchmarks only make sense from a closed instant. */
    static void closed(Schedule schedule, Instant at) {
        agree(schedule, at);
        if (schedule.isOpen(at)) {
            throw new IllegalStateException(at + " is open: there is no next opening to search for");
        }
    }
}
