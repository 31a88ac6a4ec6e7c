package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.time.ZoneId;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.hold.Hold;
import org.releasegate.message.Times;

/** A hold blocking the product, its own or one on every product. */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class StandingHold {
    private final Hold hold;
    private final ZoneId zone;
    private final HoldPermissions permissions;

    StandingHold(Hold hold, ZoneId zone, HoldPermissions permissions) {
        this.hold = hold;
        this.zone = zone;
        this.permissions = permissions;
    }

    /** What {@code POST /release-gate/lift} takes: {@code hold-3}. */
    @Exported
    public String getId() {
        return hold.id();
    }

    /** True for a hold on every product. */
    @Exported
    public boolean isEveryProduct() {
        return hold.isOnEveryProduct();
    }

    @Exported
    public String getAuthor() {
        return hold.author().displayName();
    }

    @Exported
    @CheckForNull
    public String getAuthorId() {
        return hold.author().userId().orElse(null);
    }

    @Exported
    public String getReason() {
        return hold.reason();
    }

    /** ISO-8601, UTC. */
    @Exported
    public String getPlacedAt() {
        return hold.placedAt().toString();
    }

    /** ISO-8601, UTC; null for a hold that stands until lifted. */
    @Exported
    @CheckForNull
    public String getExpiresAt() {
        return hold.expiresAt().map(Instant::toString).orElse(null);
    }

    public String getPlacedText() {
        return Times.format(hold.placedAt(), zone);
    }

    @CheckForNull
    public String getExpiresText() {
        return hold.expiresAt().map(at -> Times.format(at, zone)).orElse(null);
    }

    /** Whether the current user may lift it: its author, or someone who manages holds where it applies. */
    public boolean isLiftAllowed() {
        return permissions.mayLift(hold);
    }
}
