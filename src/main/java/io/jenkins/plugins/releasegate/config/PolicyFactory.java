package io.jenkins.plugins.releasegate.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.Enums;
import org.releasegate.policy.JobPattern;
import org.releasegate.policy.MaxAge;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.policy.UnstableRc;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/** Turns the configuration as typed into core's policy, naming the product and field of the first problem. */
@Restricted(NoExternalUse.class)
public final class PolicyFactory {
    private PolicyFactory() {
    }

    /**
     * @param timeZone the policy's zone as typed; blank or null for the default
     * @throws PolicyException naming the field, with core's message for the value
     */
    public static ReleasePolicy build(String timeZone, List<ProductConfig> products) {
        ZoneId zone = zone(timeZone);
        List<ProductPolicy> policies = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            policies.add(product(zone, products.get(i), i));
        }
        return field("products", () -> new ReleasePolicy(zone, policies));
    }

    /**
     * The policy's zone as typed; blank or null for the default.
     *
     * @throws PolicyException naming the field, with core's message for the value
     */
    public static ZoneId zone(String timeZone) {
        return field("timeZone", () -> timeZone == null || timeZone.isBlank() ? TimeZones.DEFAULT
                : TimeZones.parse(timeZone));
    }

    /** @param policyZone the policy's zone, which the product takes unless it sets its own */
    private static ProductPolicy product(ZoneId policyZone, ProductConfig c, int index) {
        String where = "products[" + index + "]" + (c.getName().isEmpty() ? "" : " (" + c.getName() + ")");
        ProductPolicy.Builder b = field(where + ".name", () -> ProductPolicy.builder(c.getName()));
        ZoneId zone = field(where + ".timeZone", () -> TimeZones.parseOr(c.getTimeZone(), policyZone));
        b.zone(zone);
        b.jobs(field(where + ".jobs", () -> JobPattern.parseAll(c.getJobs())));
        b.windows(field(where + ".productionWindows", () -> WindowSpec.parse(c.getProductionWindows(), zone)));
        b.freezes(field(where + ".freezes", () -> c.getFreezes().stream().map(Freeze::parse).toList()));
        b.slackChannel(c.getSlackChannel());
        b.rcMaxAge(field(where + ".rcMaxAge", () -> MaxAge.parse(c.getRcMaxAge())));
        b.defaultReleaseManager(c.getDefaultReleaseManager());
        b.unstableRc(field(where + ".unstableRc", () -> Enums.parse(UnstableRc.class, "unstableRc", c.getUnstableRc())));
        b.blockedResult(field(where + ".blockedResult",
                () -> Enums.parse(BlockedResult.class, "blockedResult", c.getBlockedResult())));
        b.releasesWithoutRc(c.isReleasesWithoutRc());
        ExceptionReach reach = ExceptionReach.defaults();
        for (ExceptionRule rule : c.getExceptions()) {
            UrgencyCategory category = field(where + ".exceptions", () -> UrgencyCategory.parse(rule.getCategory()));
            reach = reach.with(category, field(where + ".exceptions", () -> Lift.parseAll(rule.getLifts())));
        }
        b.exceptionReach(reach);
        b.runway(field(where + ".runway", () -> Runway.parse(c.getRunway())));
        return b.build();
    }

    private static <T> T field(String where, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new PolicyException(where + ": " + e.getMessage(), e);
        }
    }
}
