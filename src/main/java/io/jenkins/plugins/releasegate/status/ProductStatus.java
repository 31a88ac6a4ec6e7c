package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.SpecException;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WeekView;
import org.releasegate.schedule.WindowStatus;

/**
 * One product on the status page and in {@code /release-gate/api/json}: production open or closed, the RC in flight,
 * the queue, the holds and what happened lately. A snapshot taken for one request; it changes nothing.
 */
@ExportedBean(defaultVisibility = 2)
@Restricted(NoExternalUse.class)
public final class ProductStatus {
    /** How many audit lines the page and the JSON show. */
    static final int RECENT = 20;
    /** What a team member follows: exceptions, blocks and the queue, holds, RCs. */
    static final Set<Action> RECENT_ACTIONS = EnumSet.of(Action.EXCEPTION_USED, Action.BLOCKED, Action.QUEUED,
            Action.HOLD_PLACED, Action.HOLD_LIFTED, Action.HOLD_EXPIRED, Action.RC_STARTED, Action.RC_SUPERSEDED,
            Action.RC_DEPLOYED, Action.RC_FAILED, Action.RC_PROMOTED, Action.RC_CLOSED, Action.RC_REJECTED,
            Action.RC_EXPIRED);

    private final ProductPolicy policy;
    private final Instant now;
    private final WindowStatus window;
    private final LedgerSnapshot snapshot;
    private final List<AuditEntry> audit;
    private final HoldPermissions permissions;
    private final ReadableBuilds readable;

    ProductStatus(ProductPolicy policy, LedgerSnapshot snapshot, List<AuditEntry> audit, Instant now,
            HoldPermissions permissions, ReadableBuilds readable) {
        this.policy = policy;
        this.now = now;
        this.window = policy.getSchedule().evaluate(now);
        this.snapshot = snapshot;
        this.audit = List.copyOf(audit);
        this.permissions = permissions;
        this.readable = readable;
    }

    @Exported
    public String getName() {
        return policy.getName();
    }

    /** The policy's zone, in which the page shows times. */
    @Exported
    public String getZone() {
        return policy.getZone().getId();
    }

    /** Whether a production release may happen now, windows and freezes considered (holds and RCs aside). */
    @Exported
    public boolean isOpen() {
        return window.open();
    }

    /** When closed: the next instant production opens, ISO-8601 UTC; null when open, or when nothing opens it. */
    @Exported
    @CheckForNull
    public String getNextOpening() {
        return window.nextOpening().map(Instant::toString).orElse(null);
    }

    /** When open: when production closes, ISO-8601 UTC; null when closed, or open with no closing ahead. */
    @Exported
    @CheckForNull
    public String getWindowClosesAt() {
        return window.closesAt().map(Instant::toString).orElse(null);
    }

    /** The newest RC still open that the viewer may read (Item/Read on its job), or null. */
    @Exported
    @CheckForNull
    public RcInFlight getRcInFlight() {
        return snapshot.open().stream().filter(rc -> readable.mayRead(rc.getBuild())).findFirst()
                .map(rc -> new RcInFlight(rc, policy, now)).orElse(null);
    }

    /**
     * For the page: an RC is open but the viewer may read none of the open ones. The page says so without naming it,
     * so that "no RC in flight" is never said of a product that one blocks.
     */
    public boolean isRcHidden() {
        return !snapshot.open().isEmpty() && getRcInFlight() == null;
    }

    /** Waiting builds the viewer may read, in queue order. */
    @Exported
    public List<QueuedBuild> getQueue() {
        return snapshot.queue().stream().filter(w -> readable.mayRead(w.build()))
                .map(w -> new QueuedBuild(w, policy.getZone())).toList();
    }

    /** The holds standing now (expired ones lift at the next housekeeping round, within a minute). */
    @Exported
    public List<StandingHold> getHolds() {
        return snapshot.holds().stream().filter(h -> h.isActive(now))
                .map(h -> new StandingHold(h, policy.getZone(), permissions)).toList();
    }

    /** The latest exceptions, blocks, queued builds, hold and RC changes the viewer may read, newest first. */
    @Exported
    public List<AuditLine> getRecent() {
        List<AuditLine> lines = new ArrayList<>();
        for (int i = audit.size() - 1; i >= 0 && lines.size() < RECENT; i--) {
            AuditEntry e = audit.get(i);
            if (RECENT_ACTIONS.contains(e.action()) && readable.mayRead(e)) {
                lines.add(new AuditLine(e, policy.getZone(), readable.mayReadAllNamedIn(e.detail())));
            }
        }
        return lines;
    }

    /** The line the page shows under the product's name. */
    public String getProductionLine() {
        return ProductionNow.describe(window, policy.getZone());
    }

    /** The coming week in the product's zone. */
    public WeekPicture getWeek() {
        return new WeekPicture(WeekView.of(policy.getSchedule(), now, policy.getZone(), policy.getRunway()),
                policy.getRunway());
    }

    /**
     * The coming week in the viewer's zone (the page passes {@code ?zone=}); null when none is asked, when it is the
     * product's own zone, or when core refuses it ({@link ReleaseStatusAction#zoneProblem} says why).
     */
    @CheckForNull
    public WeekPicture weekIn(@CheckForNull String zoneId) {
        ZoneId zone = viewerZone(zoneId);
        return zone == null || zone.equals(policy.getZone()) ? null
                : new WeekPicture(WeekView.of(policy.getSchedule(), now, zone, policy.getRunway()), policy.getRunway());
    }

    @CheckForNull
    static ZoneId viewerZone(@CheckForNull String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return null;
        }
        try {
            return TimeZones.parse(zoneId);
        } catch (SpecException e) {
            return null;
        }
    }

    /** Whether the current user may place a hold on this product. */
    public boolean isHoldAllowed() {
        return permissions.mayHold(policy.getName());
    }
}
