package io.jenkins.plugins.releasegate.ledger;

import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.AuditEntry;

/** One audit line, as persisted. */
@Restricted(NoExternalUse.class)
final class AuditRecord {
    private final long at;
    private final String product;
    private final PersonRecord actor;
    private final String action;
    private final String subject;
    private final String detail;

    private AuditRecord(AuditEntry e) {
        this.at = e.at().toEpochMilli();
        this.product = e.product().orElse(null);
        this.actor = PersonRecord.of(e.actor().orElse(null));
        this.action = e.action().name();
        this.subject = e.subject();
        this.detail = e.detail();
    }

    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(e);
    }

    AuditEntry toEntry() {
        return new AuditEntry(Instant.ofEpochMilli(at), Optional.ofNullable(product),
                Optional.ofNullable(PersonRecord.toPerson(actor)), AuditEntry.Action.valueOf(action), subject, detail);
    }
}
