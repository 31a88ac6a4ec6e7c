package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.action.WaitingBuilds;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;

/**
 * The executions waiting at the gate, by product: the builds in the ledger's queue that run on this controller. A
 * ledger change wakes only the waiters of the products it concerns, as lockable-resources wakes only the contexts
 * queued for a resource; nothing asks every running Pipeline. Kept in memory: a waiting execution registers again
 * when it resumes after a restart.
 */
@Restricted(NoExternalUse.class)
public final class WaitingExecutions {
    private static final Map<String, Set<ReleaseGateExecution>> BY_PRODUCT = new HashMap<>();

    private WaitingExecutions() {
    }

    static synchronized void add(String product, ReleaseGateExecution execution) {
        BY_PRODUCT.computeIfAbsent(product, p -> new LinkedHashSet<>()).add(execution);
    }

    static synchronized void remove(String product, ReleaseGateExecution execution) {
        Set<ReleaseGateExecution> waiting = BY_PRODUCT.get(product);
        if (waiting != null && waiting.remove(execution) && waiting.isEmpty()) {
            BY_PRODUCT.remove(product);
        }
    }

    /** The executions waiting for {@code product}, oldest first. */
    static synchronized List<ReleaseGateExecution> of(String product) {
        return List.copyOf(BY_PRODUCT.getOrDefault(product, Set.of()));
    }

    private static synchronized List<ReleaseGateExecution> all() {
        List<ReleaseGateExecution> out = new ArrayList<>();
        BY_PRODUCT.values().forEach(out::addAll);
        return out;
    }

    /** The waiters of {@code product} look again now (outside the registry's lock: a look may register). */
    public static void wake(String product) {
        of(product).forEach(ReleaseGateExecution::wake);
    }

    /** Every waiter looks again: a hold on every product changed, or an approval arrived. */
    public static void wakeAll() {
        all().forEach(ReleaseGateExecution::wake);
    }

    /** Approvals and other changes outside the ledger wake the waiters through this. */
    @Extension
    public static final class Waker extends WaitingBuilds {
        @Override
        public void wakeAll() {
            WaitingExecutions.wakeAll();
        }
    }

    /**
     * Runs last, after the RC marks and Slack have heard: the waiters of each product concerned look again; a change
     * to every product (a hold on all of them) wakes every waiter.
     */
    @Extension(ordinal = -100)
    public static final class OnLedgerEvents extends ReleaseEventListener {
        @Override
        public void onEvents(List<LedgerEvent> events, @CheckForNull TaskListener console) {
            Set<String> products = new LinkedHashSet<>();
            for (LedgerEvent event : events) {
                if (event instanceof LedgerEvent.Blocked) {
                    continue; // a refusal frees nothing
                }
                if (event.product().isEmpty()) {
                    WaitingExecutions.wakeAll();
                    return;
                }
                products.add(event.product().get());
            }
            products.forEach(WaitingExecutions::wake);
        }
    }
}
