package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.ZoneId;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.message.Times;
import org.releasegate.people.Person;

/** One line of the product's audit, as the ledger recorded it. */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class AuditLine {
    private final AuditEntry entry;
    private final ZoneId zone;
    private final boolean detailReadable;

    AuditLine(AuditEntry entry, ZoneId zone) {
        this(entry, zone, true);
    }

    /** @param detailReadable false when the detail names a build the viewer may not read: it is then withheld */
    AuditLine(AuditEntry entry, ZoneId zone, boolean detailReadable) {
        this.entry = entry;
        this.zone = zone;
        this.detailReadable = detailReadable;
    }

    /** ISO-8601, UTC. */
    @Exported
    public String getAt() {
        return entry.at().toString();
    }

    /** {@code HOLD_PLACED}, {@code BLOCKED}, {@code EXCEPTION_USED}... */
    @Exported
    public String getAction() {
        return entry.action().name();
    }

    @Exported
    @CheckForNull
    public String getActor() {
        return entry.actor().map(Person::displayName).orElse(null);
    }

    /** A build ({@code job#number}) or a hold id. */
    @Exported
    public String getSubject() {
        return entry.subject();
    }

    /** Core's words; withheld when they name a build of a job the viewer may not read. */
    @Exported
    public String getDetail() {
        return detailReadable ? entry.detail() : Messages.AuditLine_DetailWithheld();
    }

    public String getAtText() {
        return Times.local(entry.at(), zone);
    }
}
