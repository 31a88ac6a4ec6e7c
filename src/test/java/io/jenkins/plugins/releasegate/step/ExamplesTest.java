package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.FRIDAY_10AM;
import static io.jenkins.plugins.releasegate.step.GateTesting.at;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static org.junit.Assert.assertEquals;

import hudson.model.Item;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.action.ReleaseCandidateAction;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The Jenkinsfiles in docs/examples run as written. */
public class ExamplesTest {
    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static String example(String name) throws Exception {
        return Files.readString(new File("docs/examples/" + name).toPath(), StandardCharsets.UTF_8);
    }

    @Test
    public void rcThenProduction() throws Exception {
        configure(checkout());
        WorkflowRun rc = j.assertBuildStatusSuccess(buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice"));
        j.assertLogContains("Release manager of example-rc#1: alice", rc);
        WorkflowRun prod = buildAs(j, job(j, "example-production", example("production.Jenkinsfile")), "bob");
        j.assertBuildStatusSuccess(prod);
        j.assertLogContains("Promoted example-rc#1 (release manager alice)", prod);
        assertEquals("PROMOTED", rc.getAction(ReleaseCandidateAction.class).getState());
    }

    @Test
    public void rcAndProductionInOnePipeline() throws Exception {
        configure(checkout());
        WorkflowRun b = buildAs(j, job(j, "example-both", example("rc-and-production.Jenkinsfile")), "alice");
        j.assertBuildStatusSuccess(b);
        assertEquals("PROMOTED", b.getAction(ReleaseCandidateAction.class).getState());
    }

    @Test
    public void urgentProductionOutsideTheWindow() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, ReleaseGatePermissions.OVERRIDE).everywhere().to("alice"));
        configure(checkout());
        buildAs(j, job(j, "example-rc", example("rc.Jenkinsfile")), "alice");
        at(FRIDAY_10AM);
        WorkflowRun b = buildAs(j, job(j, "example-urgent", example("urgent-production.Jenkinsfile")), "alice");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("lifted the production window", b);
    }
}
