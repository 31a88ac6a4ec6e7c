package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.THURSDAY_10AM;
import static io.jenkins.plugins.releasegate.step.GateTesting.at;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.ledger.LedgerHousekeeping;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.rc.RcState;

/** A forgotten RC (open past twice rcMaxAge) expires: warned of, closed once, marked, audited; it blocks nothing. */
public class RcExpiryTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private static final String RC = "releaseGate product: 'checkout', stage: 'rc'";

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static RcState state(WorkflowRun run) {
        return RcState.valueOf(run.getAction(ReleaseCandidateAction.class).getState());
    }

    private static List<AuditEntry> expiries() {
        return LedgerStore.get().read(l -> l.audit("checkout")).stream()
                .filter(e -> e.action() == AuditEntry.Action.RC_EXPIRED).toList();
    }

    @Test
    public void aNewRcPassesWarnsOfTheExpiredOneAndTheLedgerClosesItOnce() throws Exception {
        configure(checkout());
        WorkflowJob p = job(j, RC_JOB, RC);
        WorkflowRun forgotten = buildAs(j, p, "alice");
        assertEquals(RcState.IN_FLIGHT, state(forgotten));

        at(THURSDAY_10AM.plus(Duration.ofDays(15))); // past 14 days: twice the default rcMaxAge, no freeze between
        WorkflowRun next = buildAs(j, p, "bob");
        j.assertBuildStatusSuccess(next);
        j.assertLogContains("release candidate checkout-rc#1 (release manager alice) expired: open longer than 14d",
                next);
        assertEquals(RcState.EXPIRED, state(forgotten));
        List<AuditEntry> audited = expiries();
        assertEquals(1, audited.size());
        assertEquals("checkout-rc#1", audited.get(0).subject());

        LedgerHousekeeping.run(GateClock.now());
        assertEquals("closed once, audited once", 1, expiries().size());
    }

    @Test
    public void housekeepingClosesAnExpiredRcWithoutAnyoneAsking() throws Exception {
        configure(checkout());
        WorkflowRun forgotten = buildAs(j, job(j, RC_JOB, RC), "alice");
        at(THURSDAY_10AM.plus(Duration.ofDays(13)));
        LedgerHousekeeping.run(GateClock.now());
        assertEquals("not yet: 13 days", RcState.IN_FLIGHT, state(forgotten));
        at(THURSDAY_10AM.plus(Duration.ofDays(15)));
        LedgerHousekeeping.run(GateClock.now());
        assertEquals(RcState.EXPIRED, state(forgotten));
        assertEquals(1, expiries().size());
    }
}
