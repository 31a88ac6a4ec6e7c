package org.releasegate.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.ProductionWindow;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where check and windows take the policy from: a Configuration-as-Code file, windows and freezes typed on the command
 * line, or, with neither, the sample policy embedded in the jar.
 */
final class PolicyOptions {
    /** The one product of a policy made from --window. */
    static final String WINDOW_PRODUCT = "default";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--policy", paramLabel = "FILE",
            description = {"A Jenkins Configuration-as-Code YAML file with the policy under unclassified: releaseGate:.",
                "Without --policy and --window, the sample policy embedded in this jar is used: a copy of",
                "  docs/examples/release-gate.yml"})
    private Path policyFile;

    @Option(names = "--window", paramLabel = "SPEC",
            description = {"Instead of a policy file: a production window such as 'Mon-Thu 08:00-16:00' or "
                    + "'Fri 09:00-12:00 Europe/Berlin'. Repeatable. 'never' (alone): production never opens.",
                "The policy then has one product, named " + WINDOW_PRODUCT + ", with no jobs and every other "
                        + "setting at its default."})
    private List<String> windows = new ArrayList<>();

    @Option(names = "--freeze", paramLabel = "SPEC",
            description = "With --window: a freeze such as '2026-12-21..2027-01-04 Holiday freeze'. Repeatable.")
    private List<String> freezes = new ArrayList<>();

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "With --window: the policy's IANA time zone, taken by windows without one and by freezes "
                    + "(default: America/New_York).")
    private String timeZone;

    @Option(names = "--product", paramLabel = "NAME",
            description = "The product; required when the policy has several.")
    private String product;

    ProductPolicy product() {
        return policy().productOrOnly(product);
    }

    /** The product named with --product, or every product of the policy when none is named. */
    List<ProductPolicy> products() {
        ReleasePolicy all = policy();
        return product == null ? all.getProducts() : List.of(all.productOrOnly(product));
    }

    private ReleasePolicy policy() {
        boolean windowOptions = !freezes.isEmpty() || timeZone != null;
        if (policyFile != null) {
            if (!windows.isEmpty() || windowOptions) {
                throw usage("--policy and --window (with --freeze and --time-zone) are alternatives: a policy file "
                        + "sets its own windows, freezes and time zone");
            }
            return PolicyFile.read(policyFile).policy();
        }
        if (windows.isEmpty()) {
            if (windowOptions) {
                throw usage("--freeze and --time-zone go with --window: give at least one --window");
            }
            return PolicyFile.embedded().policy();
        }
        ZoneId zone = timeZone == null ? TimeZones.DEFAULT : TimeZones.parse(timeZone);
        List<ProductionWindow> parsed = new ArrayList<>();
        for (String spec : windows) {
            WindowSpec one = WindowSpec.parse(spec, zone);
            if (one.isEmpty() && !spec.isBlank() && windows.size() > 1) {
                throw usage("--window " + spec.strip() + " stands alone: it means no window at all; give it alone, "
                        + "or drop it and keep the other windows");
            }
            parsed.addAll(one.getWindows());
        }
        ProductPolicy only = ProductPolicy.builder(WINDOW_PRODUCT).zone(zone).windows(WindowSpec.of(parsed))
                .freezes(freezes.stream().map(Freeze::parse).toList()).build();
        return new ReleasePolicy(zone, List.of(only));
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
