package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;

/**
 * An RC's release manager as persisted and exported: who, and where the name came from.
 * <p>Visibility 3: the build's default api/json (no tree=) prunes by depth (Stapler's TreePruner.ByDepth): the run
 * is depth 1, its actions 2, this bean's fields 3.
 */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class ReleaseManagerRecord {
    private final String id;
    private final String displayName;
    private final String source;

    private ReleaseManagerRecord(String id, String displayName, String source) {
        this.id = id;
        this.displayName = displayName;
        this.source = source;
    }

    static ReleaseManagerRecord of(ReleaseManager rm) {
        return new ReleaseManagerRecord(rm.person().map(Person::id).orElse(null),
                rm.person().map(Person::displayName).orElse(null), rm.source().name());
    }

    ReleaseManager toReleaseManager() {
        // As the command line reads a mark's release manager (core's one rule for both).
        return ReleaseManager.restore(Person.ofNullable(id, displayName),
                source == null ? null : ReleaseManager.Source.valueOf(source));
    }

    @Exported
    @CheckForNull
    public String getId() {
        return id;
    }

    @Exported
    @CheckForNull
    public String getDisplayName() {
        return displayName;
    }

    @Exported
    public String getSource() {
        return source;
    }
}
