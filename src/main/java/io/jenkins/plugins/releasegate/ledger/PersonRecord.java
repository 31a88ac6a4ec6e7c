package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.people.Person;

/**
 * A person as persisted (XStream) and exported (REST): a Jenkins user id where known, and a display name.
 * <p>Visibility 4: the build's default api/json (no tree=) prunes by depth (Stapler's TreePruner.ByDepth), and a
 * person sits as deep as depth 4 (run, action, closure or history entry, person).
 */
@ExportedBean(defaultVisibility = 4)
@Restricted(NoExternalUse.class)
public final class PersonRecord {
    private final String id;
    private final String displayName;

    public PersonRecord(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @CheckForNull
    public static PersonRecord of(@CheckForNull Person person) {
        return person == null ? null : new PersonRecord(person.id(), person.displayName());
    }

    @CheckForNull
    public static Person toPerson(@CheckForNull PersonRecord record) {
        // As the command line reads a mark's person: blank counts as absent, neither is nobody.
        return record == null ? null : Person.ofNullable(record.id, record.displayName).orElse(null);
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
}
