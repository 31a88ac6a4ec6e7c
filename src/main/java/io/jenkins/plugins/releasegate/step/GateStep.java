package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.releasegate.decision.Stage;
import org.releasegate.policy.PolicyException;
import org.releasegate.rc.BuildRef;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.SpecException;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;

/**
 * What both gate steps take: the product, the stage, and how to meet the gate. Pipeline refuses a step that takes a
 * body when none is given, so the gate comes as two steps: {@link ReleaseGateStep} without a body and
 * {@link WithReleaseGateStep} around one.
 */
public abstract class GateStep extends Step {
    private final String product;
    private final String stage;
    private String urgency;
    private String reason;
    private String candidate;
    private boolean wait;
    private boolean dryRun;
    private String expectedDuration;
    private String runway;

    protected GateStep(String product, String stage) {
        this.product = product == null ? "" : product.trim();
        this.stage = stage == null ? "" : stage.trim();
    }

    public String getProduct() {
        return product;
    }

    public String getStage() {
        return stage;
    }

    @CheckForNull
    public String getUrgency() {
        return urgency;
    }

    @DataBoundSetter
    public void setUrgency(String urgency) {
        this.urgency = urgency == null || urgency.isBlank() ? null : urgency.trim();
    }

    @CheckForNull
    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason == null || reason.isBlank() ? null : reason.trim();
    }

    @CheckForNull
    public String getCandidate() {
        return candidate;
    }

    @DataBoundSetter
    public void setCandidate(String candidate) {
        this.candidate = candidate == null || candidate.isBlank() ? null : candidate.trim();
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** How long this production release takes, such as {@code 45m}: it lengthens the product's runway. */
    @CheckForNull
    public String getExpectedDuration() {
        return expectedDuration;
    }

    @DataBoundSetter
    public void setExpectedDuration(String expectedDuration) {
        this.expectedDuration = Util.fixEmptyAndTrim(expectedDuration);
    }

    /** {@code auto}: the runway is at least the job's own estimate ({@code Job.getEstimatedDuration()}). */
    @CheckForNull
    public String getRunway() {
        return runway;
    }

    @DataBoundSetter
    public void setRunway(String runway) {
        this.runway = Util.fixEmptyAndTrim(runway);
    }

    /** Parameters are checked here, before anything runs, with the error a person can act on. */
    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            if (product.isEmpty()) {
                throw new PolicyException("releaseGate needs a product, such as product: 'checkout'");
            }
            Stage.parse(stage);
            Urgency.of(urgency, reason);
            if (candidate != null) {
                BuildRef.parse(candidate);
            }
            checkRunway(runway);
        } catch (PolicyException e) {
            throw new AbortException(e.getMessage());
        }
        try {
            if (expectedDuration != null) {
                Runway.parse(expectedDuration, "expected duration");
            }
        } catch (SpecException e) {
            throw new AbortException("expectedDuration: " + e.getMessage());
        }
        return new ReleaseGateExecution(context, GateParameters.of(this));
    }

    /** Only {@code auto}: a Jenkinsfile may lengthen the admin's runway with its estimate, never set it. */
    static void checkRunway(@CheckForNull String runway) {
        if (runway != null && !GateParameters.AUTO.equalsIgnoreCase(runway)) {
            throw new PolicyException("runway: '" + runway + "' is not known: write runway: 'auto' to use the job's "
                    + "estimated duration, or expectedDuration: '45m' for this release");
        }
    }

    /** The Snippet Generator's lists and checks, shared by both steps. */
    public abstract static class GateStepDescriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillProductItems() {
            Jenkins.get().checkPermission(Jenkins.READ);
            ListBoxModel items = new ListBoxModel();
            for (var p : ReleaseGateConfiguration.get().getProducts()) {
                items.add(p.getName());
            }
            return items;
        }

        @POST
        public ListBoxModel doFillStageItems() {
            Jenkins.get().checkPermission(Jenkins.READ);
            ListBoxModel items = new ListBoxModel();
            items.add("release candidate (CI/QA)", "rc");
            items.add("production", "production");
            return items;
        }

        @POST
        public ListBoxModel doFillUrgencyItems() {
            Jenkins.get().checkPermission(Jenkins.READ);
            ListBoxModel items = new ListBoxModel();
            items.add("not urgent", "");
            for (UrgencyCategory c : UrgencyCategory.values()) {
                items.add(c.name() + ": " + c.getDescription(), c.name());
            }
            return items;
        }

        @POST
        public FormValidation doCheckReason(@QueryParameter String value, @QueryParameter String urgency) {
            Jenkins.get().checkPermission(Jenkins.READ);
            try {
                Urgency.of(urgency, value);
                return FormValidation.ok();
            } catch (PolicyException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckExpectedDuration(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                Runway.parse(value, "expected duration");
                return FormValidation.ok();
            } catch (SpecException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckRunway(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            try {
                checkRunway(Util.fixEmptyAndTrim(value));
                return FormValidation.ok();
            } catch (PolicyException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckCandidate(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.READ);
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                BuildRef.parse(value);
                return FormValidation.ok();
            } catch (PolicyException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
