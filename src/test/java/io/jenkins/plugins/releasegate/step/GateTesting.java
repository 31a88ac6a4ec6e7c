package io.jenkins.plugins.releasegate.step;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;

/** The product {@code checkout}, its two jobs, and people, for the plugin's tests. */
final class GateTesting {
    /** Thursday 2026-11-26 10:00 America/New_York: inside the seed's production window. */
    static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    /** Friday 2026-11-27 10:00 America/New_York: outside it. */
    static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");

    static final String RC_JOB = "checkout-rc";
    static final String PROD_JOB = "checkout-deploy";

    private GateTesting() {
    }

    /** The product {@code checkout} bound to the two jobs, with the seed's window, and a clock inside it. */
    static ProductConfig checkout() {
        ProductConfig product = new ProductConfig("checkout");
        product.setJobs(RC_JOB + ", " + PROD_JOB + ", example-*");
        product.setProductionWindows("Mon-Thu 08:00-16:00 America/New_York");
        return product;
    }

    static void configure(ProductConfig... products) {
        ReleaseGateConfiguration.get().setProducts(List.of(products));
        at(THURSDAY_10AM);
    }

    static void at(Instant instant) {
        GateClock.set(Clock.fixed(instant, ZoneOffset.UTC));
    }

    static WorkflowJob job(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** Starts a build as if {@code userId} had clicked Build now. */
    static WorkflowRun startAs(WorkflowJob p, String userId) throws Exception {
        User.getById(userId, true);
        return p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause(userId))).waitForStart();
    }

    static WorkflowRun buildAs(JenkinsRule j, WorkflowJob p, String userId) throws Exception {
        return j.waitForCompletion(startAs(p, userId));
    }
}
