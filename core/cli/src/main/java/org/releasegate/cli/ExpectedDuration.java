package org.releasegate.cli;

import java.time.Duration;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.SpecException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --expected-duration}: how long this release takes, lengthening the product's runway, never shortening it. */
final class ExpectedDuration {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--expected-duration", paramLabel = "DURATION",
            description = "How long the production release takes, such as 45m or 1h30m: it may start only if "
                    + "production stays open that long. It lengthens the product's runway, never shortens it; with "
                    + "--window it is the runway.")
    private String expected;

    /** The runway a production release of the product needs. */
    Duration runway(ProductPolicy product) {
        return Runway.longer(product.getRunway(), expected());
    }

    Duration expected() {
        if (expected == null) {
            return Duration.ZERO;
        }
        try {
            return Runway.parse(expected, "expected duration");
        } catch (SpecException e) {
            throw new ParameterException(mixee.commandLine(), "--expected-duration: " + e.getMessage());
        }
    }
}
