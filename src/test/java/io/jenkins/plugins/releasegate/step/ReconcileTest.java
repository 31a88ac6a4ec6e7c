package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.RcMarkUpdater;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import io.jenkins.plugins.releasegate.ledger.LedgerReconciler;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.Jenkins;
import jenkins.model.TransientActionFactory;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/** Reconciling the ledger with build history on demand, and reading history without holding the ledger. */
public class ReconcileTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void anAdministratorReconcilesFromTheStatusPage() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("alice"));
        configure(checkout());
        buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        forgetTheLedger();
        JenkinsRule.WebClient alice = j.createWebClient().login("alice");
        assertFalse("no button for alice", alice.goTo("release-gate/").asNormalizedText()
                .contains("Reconcile with build history"));
        try {
            alice.getPage(new WebRequest(alice.createCrumbedUrl("release-gate/reconcile"), HttpMethod.POST));
            throw new AssertionError("alice may not reconcile");
        } catch (FailingHttpStatusCodeException e) {
            assertEquals(403, e.getStatusCode());
        }
        assertTrue(LedgerStore.get().read(l -> l.snapshot("checkout").candidates().isEmpty()));
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        assertTrue(admin.goTo("release-gate/").asNormalizedText().contains("Reconcile with build history"));
        admin.getPage(new WebRequest(admin.createCrumbedUrl("release-gate/reconcile"), HttpMethod.POST));
        assertEquals(List.of(new BuildRef(RC_JOB, 1)), LedgerStore.get().read(l -> l.snapshot("checkout").open())
                .stream().map(rc -> rc.getBuild()).toList());
    }

    @Test
    public void reconcilingIsPostOnly() throws Exception {
        configure(checkout());
        JenkinsRule.WebClient web = j.createWebClient();
        web.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(405, web.goTo("release-gate/reconcile", null).getWebResponse().getStatusCode());
    }

    @Test
    public void historyIsReadWithoutHoldingTheLedger() throws Exception {
        configure(checkout());
        buildAs(j, job(j, PROD_JOB, "echo 'a build without a mark'"), "alice");
        Watcher.reads.set(0);
        Watcher.underLock.set(false);
        LedgerReconciler.reconcile();
        assertTrue("the unmarked build was read", Watcher.reads.get() > 0);
        assertFalse("no build was read while holding the ledger", Watcher.underLock.get());
    }

    @Test
    public void reconcilingWakesTheWaitersOfAProductItFrees() throws Exception {
        ReleaseGateExecution.recheckSeconds = 3600; // only waking lets the waiter through in the test's time
        try {
            configure(checkout());
            WorkflowRun first = buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
            WorkflowRun waiting = startAs(job(j, "example-waiting-rc", "releaseGate product: 'checkout', stage: 'rc', "
                    + "wait: true"), "bob");
            j.waitForMessage("Release Gate: waiting at the gate", waiting);
            // Build history knows what the ledger does not: the RC in flight was rejected.
            RcMarkUpdater.mark(first.getAction(ReleaseCandidateAction.class).candidate().reject(Person.user("carol"),
                    GateClock.now(), "totals wrong", "fix it in the next RC"));
            LedgerReconciler.reconcile();
            j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
        } finally {
            ReleaseGateExecution.recheckSeconds = 60;
        }
    }

    private void forgetTheLedger() {
        File file = new File(new File(j.jenkins.getRootDir(), "release-gate"), "ledger.xml");
        assertTrue(file.delete());
        LedgerStore.get().reload();
    }

    /** Asked for a build's RC mark when the build has none: records whether the ledger was held then. */
    @TestExtension("historyIsReadWithoutHoldingTheLedger")
    public static final class Watcher extends TransientActionFactory<Run> {
        static final AtomicInteger reads = new AtomicInteger();
        static final AtomicBoolean underLock = new AtomicBoolean();

        @Override
        public Class<Run> type() {
            return Run.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Run target) {
            if (target.getParent().getFullName().equals(PROD_JOB)) {
                reads.incrementAndGet();
                if (Thread.holdsLock(LedgerStore.get())) {
                    underLock.set(true);
                }
            }
            return List.of();
        }
    }
}
