package io.jenkins.plugins.releasegate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The plugin's one clock: every instant the gate decides at comes from here, so tests can set the time. */
@Restricted(NoExternalUse.class)
public final class GateClock {
    private static volatile Clock clock = Clock.systemUTC();

    private GateClock() {
    }

    public static Instant now() {
        return clock.instant();
    }

    /** For tests: decide as if it were the clock's time. */
    public static void set(Clock newClock) {
        clock = Objects.requireNonNull(newClock, "clock");
    }

    public static void reset() {
        clock = Clock.systemUTC();
    }
}
