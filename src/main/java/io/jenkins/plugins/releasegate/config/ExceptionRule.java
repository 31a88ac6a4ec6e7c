package io.jenkins.plugins.releasegate.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.releasegate.policy.PolicyException;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/** What one urgency category may lift for a product: {@code {category: URGENT_DELIVERY, lifts: "WINDOW"}}. */
public final class ExceptionRule implements Describable<ExceptionRule> {
    private final String category;
    private final String lifts;

    @DataBoundConstructor
    public ExceptionRule(String category, String lifts) {
        this.category = category;
        this.lifts = lifts == null ? "" : lifts.trim();
    }

    public String getCategory() {
        return category;
    }

    public String getLifts() {
        return lifts;
    }

    @Extension
    @Symbol("exceptionRule")
    public static final class DescriptorImpl extends Descriptor<ExceptionRule> {
        @Override
        public String getDisplayName() {
            return "Urgent exception rule";
        }

        @POST
        public ListBoxModel doFillCategoryItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            for (UrgencyCategory c : UrgencyCategory.values()) {
                items.add(c.name());
            }
            return items;
        }

        @POST
        public FormValidation doCheckLifts(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                Lift.parseAll(value);
                return FormValidation.ok();
            } catch (PolicyException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
