package io.jenkins.plugins.releasegate.slack;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The one thread that posts to Slack, in the order the work was offered. Offering never waits: a Slack that hangs holds
 * up only this thread, and once {@link #CAPACITY} posts are waiting, more are dropped rather than piled up.
 */
@Restricted(NoExternalUse.class)
final class PostQueue {
    static final int CAPACITY = 200;

    private final ThreadPoolExecutor executor;

    PostQueue(int capacity) {
        executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(capacity),
                PostQueue::newThread, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true); // no thread lingers while nothing is posted
    }

    /** @return false when the queue was full and the work was dropped */
    boolean offer(Runnable work) {
        try {
            executor.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Waits until everything offered before has run; for tests. */
    boolean awaitPosted(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        CountDownLatch done = new CountDownLatch(1);
        while (!offer(done::countDown)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50); // full: wait for the thread to take some
        }
        return done.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private static Thread newThread(Runnable r) {
        Thread t = new Thread(r, "Release Gate Slack announcements");
        t.setDaemon(true);
        // Made by whichever thread publishes first: do not keep that thread's context class loader alive.
        t.setContextClassLoader(PostQueue.class.getClassLoader());
        return t;
    }
}
