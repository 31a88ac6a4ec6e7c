package io.jenkins.plugins.releasegate.step;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.GateThreads;
import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * When the production window that a gated block started in closes, and whether the team was told that the block was
 * still running then. Kept with the execution, so a restart re-arms it and never tells twice. The block is never
 * stopped for it: killing a release half-way is worse than finishing it late.
 */
@Restricted(NoExternalUse.class)
final class WindowCloseWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long closesAt;
    private boolean told;
    private transient ScheduledFuture<?> pending;

    WindowCloseWatch(Instant closesAt) {
        this.closesAt = closesAt.toEpochMilli();
    }

    Instant closesAt() {
        return Instant.ofEpochMilli(closesAt);
    }

    /** Runs {@code atClose} on the plugin's threads when the window closes (now, if it already has). */
    synchronized void arm(Runnable atClose) {
        if (told || pending != null) {
            return;
        }
        long delay = Math.max(0, closesAt - GateClock.now().toEpochMilli());
        pending = GateThreads.schedule(() -> {
            try {
                atClose.run();
            } finally {
                synchronized (this) {
                    pending = null;
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** True the first time only: the notice is given once. */
    synchronized boolean tell() {
        if (told) {
            return false;
        }
        told = true;
        return true;
    }
}
