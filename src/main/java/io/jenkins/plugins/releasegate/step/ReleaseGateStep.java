package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.releasegate.Messages;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code releaseGate product: 'checkout', stage: 'rc'}: asks the gate to let this build through as the product's
 * release candidate, or to release it to production (the RC is promoted when the build succeeds).
 */
public final class ReleaseGateStep extends GateStep {
    @DataBoundConstructor
    public ReleaseGateStep(String product, String stage) {
        super(product, stage);
    }

    @Extension
    public static final class DescriptorImpl extends GateStepDescriptor {
        @Override
        public String getFunctionName() {
            return "releaseGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ReleaseGateStep_DisplayName();
        }
    }
}
