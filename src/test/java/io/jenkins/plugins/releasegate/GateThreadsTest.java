package io.jenkins.plugins.releasegate;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The plugin's threads at shutdown: queued work finishes without waiting on the shutdown that waits for it. */
public class GateThreadsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void aTaskThatPlansALookOrHandsOverAWriteWhileStoppingFinishesPromptly() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean handedOverRan = new AtomicBoolean();
        GateThreads.execute("test", () -> {
            running.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            // What a waiting look does at its end, and what a give-back does: during shutdown neither may block.
            GateThreads.schedule(() -> { }, 60);
            GateThreads.execute("hand over", () -> handedOverRan.set(true));
            done.countDown();
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        Thread stopper = new Thread(() -> {
            try {
                GateThreads.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stopping");
        stopper.start();
        Thread.sleep(500); // the shutdown is now waiting for the task
        goOn.countDown();
        assertTrue("the task was not held up by the shutdown (it waits up to 10 s)", done.await(5, TimeUnit.SECONDS));
        assertTrue("work handed over while stopping still ran", handedOverRan.get());
        stopper.join(5_000);
        assertFalse("the shutdown finished", stopper.isAlive());
    }
}
