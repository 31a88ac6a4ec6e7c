package io.jenkins.plugins.releasegate.ledger;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;

/**
 * Once a minute: deletes audit days past the retention, expires holds on time, closes RCs left open past their expiry age and announces RCs that went stale
 * (once each). What it changes wakes the
 * builds waiting at the gate, like any other ledger event.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class LedgerHousekeeping extends AsyncPeriodicWork {
    public LedgerHousekeeping() {
        super("Release Gate housekeeping");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(1);
    }

    @Override
    protected void execute(TaskListener listener) {
        run(GateClock.now());
    }

    /** One round, at {@code now}; tests call it directly. */
    public static void run(Instant now) {
        List<ProductPolicy> products;
        try {
            products = ReleaseGateConfiguration.get().policy().getProducts();
        } catch (PolicyException e) {
            products = List.of();
        }
        List<ProductPolicy> policies = products;
        LedgerStore.get().pruneAudit(now, ReleaseGateConfiguration.get().getAuditRetentionDays());
        LedgerStore.get().apply(ledger -> {
            List<LedgerEvent> out = new ArrayList<>(ledger.expireHolds(now));
            for (ProductPolicy p : policies) {
                out.addAll(ledger.expireCandidates(p, now));
                out.addAll(ledger.newlyStale(p, now));
            }
            return out;
        }, null);
    }
}
