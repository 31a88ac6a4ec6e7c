package io.jenkins.plugins.releasegate.status;

import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.Times;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.WindowStatus;

/** Whether production of a product is open right now, and until or from when: one line, as core evaluates it. */
@Restricted(NoExternalUse.class)
public final class ProductionNow {
    private ProductionNow() {
    }

    /**
     * For the configuration page (ProductConfig/config.jelly): the line for the saved product of that name, or an
     * empty string for a product not saved yet, or when the saved configuration cannot be used.
     */
    public static String describe(String productName) {
        if (productName == null || productName.isBlank()) {
            return "";
        }
        ProductPolicy product;
        try {
            product = ReleaseGateConfiguration.get().product(productName);
        } catch (PolicyException e) {
            return "";
        }
        return describe(product.getSchedule().evaluate(GateClock.now()), product.getZone());
    }

    /** {@code Production is closed now (outside the production windows); it next opens Mon 2026-11-30 08:00 EST (...).} */
    static String describe(WindowStatus status, ZoneId zone) {
        if (status.open()) {
            return status.closesAt().map(at -> Messages.ProductionNow_OpenUntil(Times.format(at, zone)))
                    .orElseGet(Messages::ProductionNow_OpenForGood);
        }
        String why = reasons(status);
        return status.nextOpening().map(at -> Messages.ProductionNow_ClosedUntil(why, Times.format(at, zone)))
                .orElseGet(() -> Messages.ProductionNow_ClosedForGood(why));
    }

    /** Every reason production is closed: outside the windows, and each freeze by its reason. */
    static String reasons(WindowStatus status) {
        List<String> out = new ArrayList<>();
        if (status.outsideWindows()) {
            out.add(Messages.ProductionNow_OutsideWindows());
        }
        for (Freeze f : status.freezes()) {
            out.add(Messages.ProductionNow_Frozen(f.getReason()));
        }
        return out.isEmpty() ? Messages.ProductionNow_OutsideWindows() : String.join("; ", out);
    }
}
