package io.jenkins.plugins.releasegate.ledger;

import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;

/** A hold as persisted. */
@Restricted(NoExternalUse.class)
final class HoldRecord {
    private final String id;
    private final String product;
    private final PersonRecord author;
    private final String reason;
    private final long placedAt;
    private final Long expiresAt;

    private HoldRecord(Hold h) {
        this.id = h.id();
        this.product = h.product().orElse(null);
        this.author = PersonRecord.of(h.author());
        this.reason = h.reason();
        this.placedAt = h.placedAt().toEpochMilli();
        this.expiresAt = h.expiresAt().map(Instant::toEpochMilli).orElse(null);
    }

    static HoldRecord of(Hold h) {
        return new HoldRecord(h);
    }

    Hold toHold() {
        Person by = PersonRecord.toPerson(author);
        return new Hold(id, Optional.ofNullable(product), by == null ? Person.named("unknown") : by, reason,
                Instant.ofEpochMilli(placedAt), Optional.ofNullable(expiresAt).map(Instant::ofEpochMilli));
    }
}
