package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static org.junit.Assert.assertNull;

import hudson.model.Item;
import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;

/** A pull-request build never claims a product, even when its job matches the product's patterns. */
public class PullRequestTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void pullRequestBuildsCannotBecomeTheRc() throws Exception {
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, "example-pr-12", "releaseGate product: 'checkout', stage: 'rc'"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, b);
        j.assertLogContains("pull-request builds cannot release checkout", b);
        assertNull(b.getAction(ReleaseCandidateAction.class));
    }

    /** Says jobs named example-pr-* build a pull request, as a multibranch project's PR jobs would. */
    @TestExtension("pullRequestBuildsCannotBecomeTheRc")
    public static final class PullRequests extends SCMHead.HeadByItem {
        @Override
        public SCMHead getHead(Item item) {
            return item.getName().startsWith("example-pr-") ? new PullRequestHead(item.getName()) : null;
        }
    }

    private static final class PullRequestHead extends SCMHead implements ChangeRequestSCMHead {
        private static final long serialVersionUID = 1L;

        PullRequestHead(String name) {
            super(name);
        }

        @Override
        public String getId() {
            return getName();
        }

        @Override
        public SCMHead getTarget() {
            return new SCMHead("main");
        }
    }
}
