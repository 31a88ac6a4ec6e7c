package io.jenkins.plugins.releasegate.step;

import io.jenkins.plugins.releasegate.GateThreads;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One look at a time for one execution, and one more right after it if something woke the build meanwhile. Each
 * execution has its own; nothing here is shared between builds, and nothing is persisted (a restart re-arms).
 */
@Restricted(NoExternalUse.class)
final class LookScheduler {
    private final Runnable look;
    private final BiFunction<Runnable, Long, ScheduledFuture<?>> timer;
    private ScheduledFuture<?> next;
    private boolean looking;
    private boolean again;
    private boolean cancelled;

    LookScheduler(Runnable look) {
        this(look, GateThreads::schedule);
    }

    /** @param timer runs a task after some seconds, on the plugin's threads */
    LookScheduler(Runnable look, BiFunction<Runnable, Long, ScheduledFuture<?>> timer) {
        this.look = look;
        this.timer = timer;
    }

    /** Looks now; if a look is running, one more follows it. */
    void now() {
        in(0);
    }

    /** Looks after {@code seconds}, replacing a look planned for later. */
    synchronized void in(long seconds) {
        if (cancelled) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = timer.apply(this::run, seconds);
    }

    /** No more looks; one already running finishes. */
    synchronized void cancel() {
        cancelled = true;
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    private void run() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            if (looking) {
                again = true;
                return;
            }
            looking = true;
        }
        try {
            look.run();
        } finally {
            boolean oneMore;
            synchronized (this) {
                looking = false;
                oneMore = again;
                again = false;
            }
            if (oneMore) {
                now();
            }
        }
    }
}
