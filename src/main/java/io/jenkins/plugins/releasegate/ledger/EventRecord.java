package io.jenkins.plugins.releasegate.ledger;

import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.rc.RcEvent;
import org.releasegate.rc.RcState;

/**
 * One step of an RC's history, as persisted and exported.
 * <p>Visibility 3: the build's default api/json (no tree=) prunes by depth (Stapler's TreePruner.ByDepth): the run
 * is depth 1, its actions 2, this bean's fields 3.
 */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class EventRecord {
    private final long at;
    private final String from;
    private final String to;
    private final PersonRecord by;
    private final String note;

    private EventRecord(long at, String from, String to, PersonRecord by, String note) {
        this.at = at;
        this.from = from;
        this.to = to;
        this.by = by;
        this.note = note;
    }

    static EventRecord of(RcEvent e) {
        return new EventRecord(e.at().toEpochMilli(), e.from().name(), e.to().name(),
                PersonRecord.of(e.by().orElse(null)), e.note());
    }

    RcEvent toEvent() {
        return new RcEvent(Instant.ofEpochMilli(at), RcState.valueOf(from), RcState.valueOf(to),
                Optional.ofNullable(PersonRecord.toPerson(by)), note == null ? "" : note);
    }

    @Exported
    public String getAt() {
        return Instant.ofEpochMilli(at).toString();
    }

    @Exported
    public String getFrom() {
        return from;
    }

    @Exported
    public String getTo() {
        return to;
    }

    @Exported
    public PersonRecord getBy() {
        return by;
    }

    @Exported
    public String getNote() {
        return note;
    }
}
