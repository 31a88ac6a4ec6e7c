package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.RC_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static io.jenkins.plugins.releasegate.step.GateTesting.startAs;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

public class ReleaseGateRestartTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void waitingSurvivesARestartAndPassesWhenTheRcInFlightIsRejected() throws Throwable {
        sessions.then(j -> {
            configure(checkout());
            buildAs(j, job(j, RC_JOB, "releaseGate product: 'checkout', stage: 'rc'"), "alice");
            WorkflowRun waiting = startAs(job(j, "example-waiting", "releaseGate product: 'checkout', stage: 'rc', "
                    + "wait: true\necho 'passed the gate'"), "bob");
            j.waitForMessage("Release Gate: waiting at the gate", waiting);
        });
        sessions.then(j -> {
            WorkflowRun waiting = j.jenkins.getItemByFullName("example-waiting", WorkflowJob.class).getBuildByNumber(1);
            assertEquals("the queue was persisted with the ledger", List.of(new BuildRef("example-waiting", 1)),
                    LedgerStore.get().read(l -> l.waiters().get("checkout")).stream().map(w -> w.build()).toList());
            List<LedgerEvent> events = LedgerStore.get().change(l -> l.reject(
                    ReleaseGateConfiguration.get().product("checkout"), new BuildRef(RC_JOB, 1), Person.user("carol"),
                    "totals wrong", "fix in the next RC", GateClock.now()));
            ReleaseEventListener.publish(events, null);
            j.assertBuildStatusSuccess(j.waitForCompletion(waiting));
            j.assertLogContains("passed the gate", waiting);
        });
    }
}
