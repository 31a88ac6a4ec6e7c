package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.ZoneId;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.ledger.Waiter;
import org.releasegate.message.Times;
import org.releasegate.people.Person;

/** A build waiting at the gate; the list is in queue order (urgent first, then first come, first served). */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class QueuedBuild {
    private final Waiter waiter;
    private final ZoneId zone;

    QueuedBuild(Waiter waiter, ZoneId zone) {
        this.waiter = waiter;
        this.zone = zone;
    }

    @Exported
    public String getBuild() {
        return waiter.build().toString();
    }

    /** {@code RC} or {@code PRODUCTION}: what it waits for. */
    @Exported
    public String getStage() {
        return waiter.stage().name();
    }

    @Exported
    public boolean isUrgent() {
        return waiter.urgent();
    }

    /** ISO-8601, UTC: when it joined the queue. */
    @Exported
    public String getSince() {
        return waiter.since().toString();
    }

    @Exported
    @CheckForNull
    public String getRequester() {
        return waiter.requester().map(Person::displayName).orElse(null);
    }

    public String getSinceText() {
        return Times.local(waiter.since(), zone);
    }

    @CheckForNull
    public String getUrl() {
        return BuildLinks.url(waiter.build());
    }
}
