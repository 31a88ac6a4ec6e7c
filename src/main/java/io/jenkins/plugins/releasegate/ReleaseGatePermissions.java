package io.jenkins.plugins.releasegate;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;

/**
 * The Release Gate permission group. Both permissions are item-scoped, so a folder per product can grant them, and
 * implied by Administer. Placing a hold on one product needs only the permission to build its jobs.
 */
public final class ReleaseGatePermissions {
    public static final PermissionGroup GROUP =
            new PermissionGroup(ReleaseGatePermissions.class, Messages._ReleaseGatePermissions_Group());

    /** Lift the production window or a freeze in an urgent exception, and approve someone else's. */
    public static final Permission OVERRIDE = new Permission(GROUP, "Override",
            Messages._ReleaseGatePermissions_Override_Description(), Jenkins.ADMINISTER, PermissionScope.ITEM);

    /** Lift anyone's hold, hold every product, and hand over release management. */
    public static final Permission HOLD = new Permission(GROUP, "Hold",
            Messages._ReleaseGatePermissions_Hold_Description(), Jenkins.ADMINISTER, PermissionScope.ITEM);

    private ReleaseGatePermissions() {
    }

    /** Loads this class early, so the permissions are registered before authorization strategies list them. */
    @Initializer(after = InitMilestone.PLUGINS_STARTED, before = InitMilestone.SYSTEM_CONFIG_LOADED)
    public static void register() {
        // Initializing the static fields is the registration.
    }
}
