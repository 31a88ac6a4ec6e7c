package io.jenkins.plugins.releasegate.step;

import static io.jenkins.plugins.releasegate.step.GateTesting.PROD_JOB;
import static io.jenkins.plugins.releasegate.step.GateTesting.at;
import static io.jenkins.plugins.releasegate.step.GateTesting.buildAs;
import static io.jenkins.plugins.releasegate.step.GateTesting.checkout;
import static io.jenkins.plugins.releasegate.step.GateTesting.configure;
import static io.jenkins.plugins.releasegate.step.GateTesting.job;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import java.time.Duration;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/** A production release starts only if it can finish before the window closes. */
public class RunwayStepTest {
    /** Thursday 2026-11-26 15:48 America/New_York: twelve minutes before the window closes. */
    private static final Instant LATE = Instant.parse("2026-11-26T20:48:00Z");
    /** One second before it closes. */
    private static final Instant LAST_SECOND = Instant.parse("2026-11-26T20:59:59Z");

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    private static ProductConfig checkoutWithRunway(String runway) {
        ProductConfig product = checkout();
        product.setReleasesWithoutRc(true);
        product.setRunway(runway);
        return product;
    }

    @Test
    public void productionTooCloseToTheCloseIsRefusedByTheRunway() throws Exception {
        configure(checkoutWithRunway("30m"));
        at(LATE);
        WorkflowRun b = buildAs(j, job(j, PROD_JOB, "releaseGate product: 'checkout', stage: 'production'"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, b);
        j.assertLogContains("Release Gate: production release of checkout is BLOCKED.", b);
        j.assertLogContains("The production window closes at 16:00 EST, in 12 minutes; a production release of "
                + "checkout needs 30 minutes. Next chance: Mon 2026-11-30 08:00 EST.", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    public void anUrgentExceptionLiftsTheRunwayWithTheWindow() throws Exception {
        configure(checkoutWithRunway("30m"));
        at(LATE);
        WorkflowRun b = buildAs(j, job(j, PROD_JOB, "releaseGate product: 'checkout', stage: 'production', "
                + "urgency: 'PRODUCTION_DOWN', reason: 'INC-4411 checkout returns 500s'"), "alice");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("Release Gate: production release of checkout is ALLOWED.", b);
        j.assertLogContains("lifted the production window", b);
    }

    @Test
    public void anExpectedDurationLengthensTheRunwayForOneRelease() throws Exception {
        configure(checkoutWithRunway("0"));
        at(LATE);
        WorkflowRun b = buildAs(j, job(j, PROD_JOB, "releaseGate product: 'checkout', stage: 'production', "
                + "expectedDuration: '45m'"), "alice");
        j.assertBuildStatus(Result.NOT_BUILT, b);
        j.assertLogContains("a production release of checkout needs 45 minutes", b);
        WorkflowRun quick = buildAs(j, job(j, "example-quick", "releaseGate product: 'checkout', stage: 'production', "
                + "expectedDuration: '10m'"), "alice");
        j.assertBuildStatusSuccess(quick);
    }

    @Test
    public void aBadExpectedDurationOrRunwayIsRefusedBeforeAnythingRuns() throws Exception {
        configure(checkoutWithRunway("0"));
        WorkflowRun minus = buildAs(j, job(j, PROD_JOB, "releaseGate product: 'checkout', stage: 'production', "
                + "expectedDuration: '-5m'"), "alice");
        j.assertBuildStatus(Result.FAILURE, minus);
        j.assertLogContains("expectedDuration: \"-5m\": an expected duration cannot be negative", minus);
        WorkflowRun words = buildAs(j, job(j, "example-words", "releaseGate product: 'checkout', "
                + "stage: 'production', runway: '30m'"), "alice");
        j.assertBuildStatus(Result.FAILURE, words);
        j.assertLogContains("runway: '30m' is not known: write runway: 'auto'", words);
    }

    @Test
    public void autoUsesTheJobsEstimateFromItsEarlierBuilds() throws Exception {
        configure(checkoutWithRunway("0"));
        // Two earlier builds of at least two seconds each give the job an estimate; the third asks the gate.
        WorkflowJob p = job(j, PROD_JOB, "if (currentBuild.number < 3) { sleep 2 } else { "
                + "releaseGate product: 'checkout', stage: 'production', runway: 'auto' }");
        j.assertBuildStatusSuccess(buildAs(j, p, "alice"));
        j.assertBuildStatusSuccess(buildAs(j, p, "alice"));
        long estimate = p.getEstimatedDuration();
        assertTrue("estimate " + estimate, estimate >= 2000);
        assertEquals(Duration.ofMillis(estimate), GateRequests.expectedDuration(p, GateParameters.of(autoStep())));
        at(LAST_SECOND);
        WorkflowRun third = buildAs(j, p, "alice");
        j.assertBuildStatus(Result.NOT_BUILT, third);
        j.assertLogContains("a production release of checkout needs 1 minute", third);

        // Without earlier builds there is no estimate: the product's runway (none) applies, and it passes.
        WorkflowJob fresh = job(j, "example-fresh", "releaseGate product: 'checkout', stage: 'production', "
                + "runway: 'auto'");
        assertEquals(-1, fresh.getEstimatedDuration());
        j.assertBuildStatusSuccess(buildAs(j, fresh, "alice"));
    }

    @Test
    public void aBlockStillRunningWhenTheWindowClosesIsToldOnceAndNotStopped() throws Exception {
        configure(checkoutWithRunway("0"));
        at(Instant.parse("2026-11-26T20:59:58Z")); // two seconds before 16:00 EST
        WorkflowRun b = buildAs(j, job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') {\n"
                + "  sleep 6\n  echo 'deployed'\n}"), "alice");
        j.assertBuildStatusSuccess(b);
        j.assertLogContains("Release Gate: production release checkout #1 is still running after the window closed at "
                + "16:00 EST.", b);
        j.assertLogContains("deployed", b);
        String log = JenkinsRule.getLog(b);
        assertEquals(log.indexOf("is still running after the window closed"),
                log.lastIndexOf("is still running after the window closed"));
    }

    @Test
    public void aBlockThatEndsBeforeTheCloseIsNotTold() throws Exception {
        configure(checkoutWithRunway("0"));
        at(Instant.parse("2026-11-26T20:59:55Z")); // five seconds before 16:00 EST
        WorkflowRun b = buildAs(j, job(j, PROD_JOB, "withReleaseGate(product: 'checkout', stage: 'production') {\n"
                + "  echo 'deployed'\n}"), "alice");
        j.assertBuildStatusSuccess(b);
        Thread.sleep(6000); // past the close: the watch fires and finds the block done
        j.assertLogNotContains("is still running after the window closed", b);
    }

    private static GateStep autoStep() {
        ReleaseGateStep step = new ReleaseGateStep("checkout", "production");
        step.setRunway("auto");
        return step;
    }
}
