package io.jenkins.plugins.releasegate;

import hudson.init.Terminator;
import hudson.security.ACL;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingExecutorService;
import jenkins.util.ErrorLoggingExecutorService;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionList;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The plugin's own threads for gate looks, ledger writes and announcements. {@code jenkins.util.Timer} is a shared
 * pool for short tasks that drops what is pending at shutdown; a look (change logs, impersonation, the ledger write,
 * re-saving RC marks) is long. Work runs on a small pool of workers; a one-thread timer only says when the next look
 * is due and hands it to them.
 */
@Restricted(NoExternalUse.class)
public final class GateThreads {
    private static final Logger LOGGER = Logger.getLogger(GateThreads.class.getName());
    /** How many looks and writes may run at once; more wait their turn. */
    static final int THREADS = SystemProperties.getInteger(GateThreads.class.getName() + ".threads", 4);

    private static ExecutorService workers;
    private static ScheduledExecutorService timer;

    private GateThreads() {
    }

    /** The workers, created on first use; their tasks run as SYSTEM, like Timer's, and what they throw is logged. */
    public static synchronized ExecutorService get() {
        if (workers == null) {
            // A task handed over while the controller stops (a ledger write, a give-back) runs on the caller rather
            // than being refused: what changed in memory still reaches the disk.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), threads("Release Gate"), (task, refusedBy) -> task.run());
            pool.allowCoreThreadTimeOut(true);
            workers = new ImpersonatingExecutorService(new ErrorLoggingExecutorService(pool), ACL.SYSTEM2);
        }
        return workers;
    }

    /** Runs {@code task} on the workers after {@code seconds}; cancelling the answer before then cancels it. */
    public static ScheduledFuture<?> schedule(Runnable task, long seconds) {
        return schedule(task, seconds, TimeUnit.SECONDS);
    }

    /** Runs {@code task} on the workers after {@code delay}; cancelling the answer before then cancels it. */
    public static synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (timer == null) {
            // Once stopped, what is planned is dropped (a waiting build looks again when it resumes); an idle timer
            // lets its thread go.
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, threads("Release Gate timer"),
                    new ThreadPoolExecutor.DiscardPolicy());
            t.setRemoveOnCancelPolicy(true);
            t.setKeepAliveTime(60, TimeUnit.SECONDS);
            t.allowCoreThreadTimeOut(true);
            timer = t;
        }
        return timer.schedule(() -> get().execute(task), delay, unit);
    }

    /** Runs {@code task} now on the workers, logging what it throws. */
    public static void execute(String what, Runnable task) {
        get().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Release Gate could not " + what, e);
            }
        });
    }

    private static NamingThreadFactory threads(String name) {
        return new NamingThreadFactory(new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), name);
    }

    /**
     * After the Pipelines are saved: planned looks are dropped (a waiting build looks again when it resumes), and the
     * ledger writes and announcements already queued may finish (briefly), so a change made in memory before shutdown
     * reaches the disk. The waiting is done without holding this class: a task that plans a look or hands over a write
     * meanwhile must not wait for the shutdown that waits for it.
     */
    @Terminator(requires = FlowExecutionList.LIST_SAVED)
    public static void shutdown() throws InterruptedException {
        ScheduledExecutorService t;
        ExecutorService w;
        synchronized (GateThreads.class) {
            t = timer;
            w = workers;
        }
        if (t != null) {
            t.shutdownNow();
        }
        if (w != null) {
            w.shutdown();
            if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warning("Release Gate's threads did not finish within 10 s; stopping them");
                w.shutdownNow();
            }
        }
        synchronized (GateThreads.class) {
            // The next start (a restart in the same JVM, as in tests) makes new ones.
            if (timer == t) {
                timer = null;
            }
            if (workers == w) {
                workers = null;
            }
        }
    }
}
