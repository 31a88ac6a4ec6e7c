package io.jenkins.plugins.releasegate.step;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.releasegate.Messages;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code withReleaseGate(product: 'checkout', stage: 'production') { sh './deploy.sh' }}: the body runs once the gate
 * lets the build through. For production the body is the release: the product's production lock is held while it runs,
 * and the RC is promoted when it succeeds.
 */
public final class WithReleaseGateStep extends GateStep {
    @DataBoundConstructor
    public WithReleaseGateStep(String product, String stage) {
        super(product, stage);
    }

    @Extension
    public static final class DescriptorImpl extends GateStepDescriptor {
        @Override
        public String getFunctionName() {
            return "withReleaseGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.WithReleaseGateStep_DisplayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
