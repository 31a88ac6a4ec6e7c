package io.jenkins.plugins.releasegate.ledger;

import java.time.Instant;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.Waiter;
import org.releasegate.rc.BuildRef;

/** A build waiting at the gate, as persisted. */
@Restricted(NoExternalUse.class)
final class WaiterRecord {
    private final String build;
    private final String stage;
    private final boolean urgent;
    private final long since;
    private final PersonRecord requester;

    private WaiterRecord(Waiter w) {
        this.build = w.build().toString();
        this.stage = w.stage().name();
        this.urgent = w.urgent();
        this.since = w.since().toEpochMilli();
        this.requester = PersonRecord.of(w.requester().orElse(null));
    }

    static WaiterRecord of(Waiter w) {
        return new WaiterRecord(w);
    }

    Waiter toWaiter() {
        return new Waiter(BuildRef.parse(build), Stage.valueOf(stage), urgent, Instant.ofEpochMilli(since),
                Optional.ofNullable(PersonRecord.toPerson(requester)));
    }
}
