package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.action.WaitingBuilds;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;

/** After any ledger change (an RC closed, a hold lifted, a turn freed), the builds waiting at the gate look again. */
@Restricted(NoExternalUse.class)
public final class WaitingExecutions {
    private WaitingExecutions() {
    }

    @Extension
    public static final class Waker extends WaitingBuilds {
        @Override
        public void wakeAll() {
            StepExecution.acceptAll(ReleaseGateExecution.class, ReleaseGateExecution::wake);
        }
    }

    @Extension(ordinal = -100)
    public static final class OnLedgerEvents extends ReleaseEventListener {
        @Override
        public void onEvents(List<LedgerEvent> events, @CheckForNull TaskListener console) {
            WaitingBuilds.wake();
        }
    }
}
