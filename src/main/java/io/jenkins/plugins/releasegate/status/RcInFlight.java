package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.message.Times;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.ReleaseCandidate;

/** The newest release candidate still open (running or in flight), as the status page and its JSON show it. */
@ExportedBean(defaultVisibility = 3)
@Restricted(NoExternalUse.class)
public final class RcInFlight {
    private final ReleaseCandidate rc;
    private final ProductPolicy policy;
    private final Instant now;

    RcInFlight(ReleaseCandidate rc, ProductPolicy policy, Instant now) {
        this.rc = rc;
        this.policy = policy;
        this.now = now;
    }

    /** {@code checkout/release-candidate#42}. */
    @Exported
    public String getBuild() {
        return rc.getBuild().toString();
    }

    /** The release manager's name, or {@code unassigned}. */
    @Exported
    public String getReleaseManager() {
        return rc.getReleaseManager().displayName();
    }

    @Exported
    @CheckForNull
    public String getReleaseManagerId() {
        return rc.getReleaseManager().person().flatMap(Person::userId).orElse(null);
    }

    /** {@code RUNNING} or {@code IN_FLIGHT}. */
    @Exported
    public String getState() {
        return rc.getState().name();
    }

    /** ISO-8601, UTC. */
    @Exported
    public String getStartedAt() {
        return rc.getStartedAt().toString();
    }

    /** Open longer than the product's {@code rcMaxAge}: it no longer blocks a new RC. */
    @Exported
    public boolean isStale() {
        return rc.isStale(now, policy);
    }

    /** Frozen days do not count. */
    public String getAge() {
        return Times.age(rc.age(now, policy));
    }

    public String getStarted() {
        return Times.format(rc.getStartedAt(), policy.getZone());
    }

    @CheckForNull
    public String getUrl() {
        return BuildLinks.url(rc.getBuild());
    }
}
