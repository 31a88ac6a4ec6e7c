package io.jenkins.plugins.releasegate.ledger;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.step.WaitingExecutions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.ledger.LedgerRebuild;
import org.releasegate.ledger.RebuildResult;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;

/**
 * At start-up, and whenever an administrator asks, checks the ledger against build history: the RC marks on builds
 * are the truth, read newest first and lazily; core stops reading as soon as no older build can matter.
 */
@Restricted(NoExternalUse.class)
public final class LedgerReconciler {
    private static final Logger LOGGER = Logger.getLogger(LedgerReconciler.class.getName());

    private LedgerReconciler() {
    }

    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void atStartup() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not reconcile the release ledger with build history", e);
        }
    }

    /**
     * Rebuilds every product's RCs from its jobs' history: at start-up, and when an administrator asks (the status
     * page's Reconcile button). Each product's history is read first, without holding the ledger (reading loads builds
     * from disk, and every gate look and every finishing build waits on the ledger); what was read is then applied
     * under the ledger's lock, keeping whatever the ledger changed meanwhile.
     *
     * @return one line per product: how many builds were read and why reading stopped
     */
    public static List<String> reconcile() {
        List<ProductPolicy> products;
        try {
            products = ReleaseGateConfiguration.get().policy().getProducts();
        } catch (PolicyException e) {
            LOGGER.warning("Release Gate's configuration is invalid, so the ledger was not reconciled: " + e.getMessage());
            return List.of();
        }
        List<String> report = new ArrayList<>();
        for (ProductPolicy policy : products) {
            Instant readAt = GateClock.now();
            RebuildResult result;
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                result = LedgerRebuild.read(policy, LedgerRebuild.merge(histories(policy)), readAt);
            }
            LedgerStore.get().change(l -> {
                l.rebuild(policy, result, readAt, GateClock.now());
                return null;
            });
            // What history said may have closed the RC a build waits behind; no event says so: its waiters look again.
            WaitingExecutions.wake(policy.getName());
            String line = policy.getName() + ": read " + result.buildsRead() + " builds, stopped by "
                    + result.stoppedBy();
            LOGGER.fine(() -> line);
            report.add(line);
        }
        return report;
    }

    /** Each bound job's builds, lazy and newest first; called as SYSTEM, and read within that context. */
    private static List<Iterator<BuildRecord>> histories(ProductPolicy policy) {
        List<Iterator<BuildRecord>> out = new ArrayList<>();
        for (Job<?, ?> job : Jenkins.get().allItems(Job.class, j -> policy.isBoundTo(j.getFullName()))) {
            Iterator<? extends Run<?, ?>> builds = job.getBuilds().iterator();
            out.add(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return builds.hasNext();
                }

                @Override
                public BuildRecord next() {
                    return record(builds.next());
                }
            });
        }
        return out;
    }

    private static BuildRecord record(Run<?, ?> run) {
        Result result = run.getResult();
        ReleaseCandidateAction mark = run.getAction(ReleaseCandidateAction.class);
        return new BuildRecord(new BuildRef(run.getParent().getFullName(), run.getNumber()),
                Instant.ofEpochMilli(run.getTimeInMillis()), run.isBuilding(),
                Optional.ofNullable(result).map(r -> BuildResult.parse(r.toString())),
                Optional.ofNullable(mark).map(ReleaseCandidateAction::candidate));
    }
}
