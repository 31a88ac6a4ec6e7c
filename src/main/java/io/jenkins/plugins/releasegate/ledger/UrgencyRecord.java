package io.jenkins.plugins.releasegate.ledger;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.urgency.Urgency;

/**
 * An urgent exception's category and reason, as persisted and exported.
 * <p>Visibility 3: the build's default api/json (no tree=) prunes by depth (Stapler's TreePruner.ByDepth): the run
 * is depth 1, its actions 2, this bean's fields 3.
 */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class UrgencyRecord {
    private final String category;
    private final String reason;

    private UrgencyRecord(String category, String reason) {
        this.category = category;
        this.reason = reason;
    }

    static UrgencyRecord of(Urgency u) {
        return new UrgencyRecord(u.category().name(), u.reason());
    }

    Urgency toUrgency() {
        return new Urgency(UrgencyCategory.valueOf(category), reason);
    }

    @Exported
    public String getCategory() {
        return category;
    }

    @Exported
    public String getReason() {
        return reason;
    }
}
