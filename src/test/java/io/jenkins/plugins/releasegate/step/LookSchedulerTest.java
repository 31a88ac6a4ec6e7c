package io.jenkins.plugins.releasegate.step;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** One look at a time, one more if woken meanwhile; no Jenkins needed, the timer is a list the test runs by hand. */
public class LookSchedulerTest {
    /** A planned task: runs when the test says, unless cancelled. */
    private static final class Planned extends CompletableFuture<Object> implements ScheduledFuture<Object> {
        final Runnable task;
        final long seconds;

        Planned(Runnable task, long seconds) {
            this.task = task;
            this.seconds = seconds;
        }

        void fire() {
            if (!isCancelled()) {
                task.run();
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(seconds, TimeUnit.SECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.SECONDS), o.getDelay(TimeUnit.SECONDS));
        }
    }

    private final List<Planned> planned = new ArrayList<>();
    private int looks;
    private LookScheduler scheduler;

    private LookScheduler scheduler(Runnable look) {
        return new LookScheduler(look, (task, seconds) -> {
            Planned p = new Planned(task, seconds);
            planned.add(p);
            return p;
        });
    }

    @Test
    public void aWakeDuringALookMakesExactlyOneMoreLook() {
        scheduler = scheduler(() -> {
            looks++;
            if (looks == 1) {
                scheduler.now(); // woken while looking
                scheduler.now(); // and again: still one more look only
                planned.get(1).fire();
                planned.get(2).fire();
            }
        });
        scheduler.now();
        planned.get(0).fire();
        assertEquals("the first look, then one more planned", 1, looks);
        assertEquals(4, planned.size());
        planned.get(3).fire();
        assertEquals(2, looks);
    }

    @Test
    public void aLaterLookIsReplacedByASoonerOne() {
        scheduler = scheduler(() -> looks++);
        scheduler.in(60);
        scheduler.now();
        assertTrue("the look in a minute is cancelled", planned.get(0).isCancelled());
        assertEquals(0, planned.get(1).seconds);
        planned.get(0).fire();
        planned.get(1).fire();
        assertEquals(1, looks);
    }

    @Test
    public void nothingLooksAfterCancel() {
        scheduler = scheduler(() -> looks++);
        scheduler.in(60);
        scheduler.cancel();
        scheduler.now();
        assertTrue(planned.get(0).isCancelled());
        assertEquals("nothing planned after cancel", 1, planned.size());
        planned.get(0).task.run(); // a look that had already been handed over does nothing either
        assertEquals(0, looks);
    }
}
