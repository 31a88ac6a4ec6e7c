package io.jenkins.plugins.releasegate.status;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The permissions authorization strategies (Matrix, Role-based, Folder-based) list under "Release Gate". */
public class ReleaseGatePermissionsTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void registeredByIdUnderTheReleaseGateGroup() {
        Permission override = Permission.fromId("io.jenkins.plugins.releasegate.ReleaseGatePermissions.Override");
        Permission hold = Permission.fromId("io.jenkins.plugins.releasegate.ReleaseGatePermissions.Hold");
        assertNotNull(override);
        assertNotNull(hold);
        assertSame(ReleaseGatePermissions.OVERRIDE, override);
        assertSame(ReleaseGatePermissions.HOLD, hold);

        PermissionGroup group = PermissionGroup.get(ReleaseGatePermissions.class);
        assertNotNull(group);
        assertEquals("Release Gate", group.title.toString(Locale.ENGLISH));
        assertTrue(group.getPermissions().contains(override));
        assertTrue(group.getPermissions().contains(hold));
    }

    @Test
    public void grantedPerItemAndImpliedByAdminister() {
        for (Permission p : new Permission[] {ReleaseGatePermissions.OVERRIDE, ReleaseGatePermissions.HOLD}) {
            assertTrue(p.getId(), p.isContainedBy(PermissionScope.ITEM));
            assertSame(p.getId(), Jenkins.ADMINISTER, p.impliedBy);
        }
    }
}
