package io.jenkins.plugins.releasegate;

import hudson.init.Terminator;
import hudson.security.ACL;
import hudson.util.ClassLoaderSanityThreadFactory;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.security.ImpersonatingScheduledExecutorService;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionList;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The plugin's own threads for gate looks, ledger writes and announcements. {@code jenkins.util.Timer} is a shared
 * pool for short tasks that drops what is pending at shutdown; a look (change logs, impersonation, the ledger write,
 * re-saving RC marks) is long, and a build waiting at the gate re-arms after a restart anyway.
 */
@Restricted(NoExternalUse.class)
public final class GateThreads {
    private static final Logger LOGGER = Logger.getLogger(GateThreads.class.getName());
    /** How many looks and writes may run at once; more wait their turn. */
    static final int THREADS = SystemProperties.getInteger(GateThreads.class.getName() + ".threads", 4);

    private static ScheduledExecutorService executor;

    private GateThreads() {
    }

    /** The executor, created on first use; its tasks run as SYSTEM, like Timer's. */
    public static synchronized ScheduledExecutorService get() {
        if (executor == null) {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(THREADS, new NamingThreadFactory(
                    new ClassLoaderSanityThreadFactory(new DaemonThreadFactory()), "Release Gate"));
            // A delayed re-look is not worth keeping at shutdown: a waiting build looks again when it resumes.
            pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            pool.setRemoveOnCancelPolicy(true);
            executor = new ImpersonatingScheduledExecutorService(pool, ACL.SYSTEM2);
        }
        return executor;
    }

    /** Runs {@code task} now on the plugin's threads, logging what it throws. */
    public static void execute(String what, Runnable task) {
        get().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Release Gate could not " + what, e);
            }
        });
    }

    /**
     * After the Pipelines are saved, lets the ledger writes and announcements already queued finish (briefly), so a
     * change made in memory before shutdown reaches the disk.
     */
    @Terminator(requires = FlowExecutionList.LIST_SAVED)
    public static synchronized void shutdown() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOGGER.warning("Release Gate's threads did not finish within 10 s; stopping them");
                executor.shutdownNow();
            }
            executor = null;
        }
    }
}
