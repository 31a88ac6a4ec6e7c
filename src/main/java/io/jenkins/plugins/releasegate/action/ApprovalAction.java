package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.WebResponses;
import io.jenkins.plugins.releasegate.ledger.PersonRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import jenkins.model.RunAction2;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.releasegate.decision.Approval;
import org.releasegate.decision.Stage;
import org.releasegate.people.Person;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/**
 * An urgent exception waiting for someone with Override to approve it: the build's requester may not lift the window
 * or a freeze alone. One per request: the {@code releaseGate}/{@code withReleaseGate} call that asked (its flow node),
 * for one product, stage and category, lifting what the gate said must be lifted. The gate honours the approval only
 * for that request (core's {@link Approval#covers}); a later call, or the same call once a freeze begins, asks anew.
 * Field names are written into build.xml: add fields, never rename. An approval recorded before requests were told
 * apart has no product and covers nothing.
 */
@ExportedBean(defaultVisibility = 2)
public class ApprovalAction implements RunAction2 {
    private final String category;
    private final String reason;
    private final PersonRecord requestedBy;
    private volatile PersonRecord approvedBy;
    private volatile long approvedAt;
    /** The request: product, stage, what it lifts ({@code WINDOW, FREEZE}) and the step call (flow node id). */
    private String product;
    private String stage;
    private String lifts;
    private String step;
    private transient Run<?, ?> run;

    public ApprovalAction(String product, Stage stage, UrgencyCategory category, Set<Lift> lifts, String reason,
            @CheckForNull Person requestedBy, String step) {
        this.product = product;
        this.stage = stage.name();
        this.category = category.name();
        this.lifts = Lift.format(lifts);
        this.reason = reason;
        this.requestedBy = PersonRecord.of(requestedBy);
        this.step = step;
    }

    /** The latest approval request of this build for this step call, product, stage and category; null for none. */
    @CheckForNull
    public static ApprovalAction of(Run<?, ?> run, String product, Stage stage, UrgencyCategory category, String step) {
        ApprovalAction found = null;
        for (ApprovalAction a : run.getActions(ApprovalAction.class)) {
            if (a.isFor(product, stage, category, step)) {
                found = a;
            }
        }
        return found;
    }

    /** The latest approval given for that request; null when none has been approved yet. */
    @CheckForNull
    public static Approval approvalFor(Run<?, ?> run, String product, Stage stage, UrgencyCategory category,
            String step) {
        Approval found = null;
        for (ApprovalAction a : run.getActions(ApprovalAction.class)) {
            Approval given = a.isFor(product, stage, category, step) ? a.approval() : null;
            if (given != null) {
                found = given;
            }
        }
        return found;
    }

    boolean isFor(String product, Stage stage, UrgencyCategory category, String step) {
        return product.equals(this.product) && stage.name().equals(this.stage) && category.name().equals(this.category)
                && Objects.equals(step, this.step);
    }

    /** Whether it asks to lift at least {@code needed}. */
    public boolean asksFor(Set<Lift> needed) {
        return Lift.parseAll(lifts).containsAll(needed);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null; // the build page's summary carries the request and the Approve button
    }

    @Override
    public String getDisplayName() {
        return Messages.ApprovalAction_DisplayName();
    }

    /**
     * One URL per request, since a build may ask more than once. The same step call asks anew when it needs more
     * lifted (a freeze began while it waited): the later requests of that call get {@code -2}, {@code -3}... in the
     * order they were added, since Stapler routes a URL to the first action of that name (Actionable.getDynamic) and
     * the later request's Approve button would otherwise approve the earlier one.
     */
    @Override
    public String getUrlName() {
        String base = step == null ? "release-gate-approval" : "release-gate-approval-" + step;
        if (run == null) {
            return base;
        }
        int earlier = 0;
        for (ApprovalAction a : run.getActions(ApprovalAction.class)) {
            if (a == this) {
                return earlier == 0 ? base : base + "-" + (earlier + 1);
            }
            if (Objects.equals(step, a.step)) {
                earlier++;
            }
        }
        return base;
    }

    @Exported
    @CheckForNull
    public String getProduct() {
        return product;
    }

    @Exported
    @CheckForNull
    public String getStage() {
        return stage;
    }

    @Exported
    public String getCategory() {
        return category;
    }

    /** What it lifts: {@code WINDOW}, {@code FREEZE} or both, comma-separated. */
    @Exported
    @CheckForNull
    public String getLifts() {
        return lifts;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    @Exported
    @CheckForNull
    public PersonRecord getRequestedBy() {
        return requestedBy;
    }

    @Exported
    @CheckForNull
    public PersonRecord getApprovedBy() {
        return approvedBy;
    }

    @CheckForNull
    public String getApprovedAt() {
        return approvedBy == null ? null : Instant.ofEpochMilli(approvedAt).toString();
    }

    /** The approval as core honours it; null until approved, and for one recorded without its request. */
    @CheckForNull
    public Approval approval() {
        Person by = PersonRecord.toPerson(approvedBy);
        if (by == null || product == null || stage == null || lifts == null) {
            return null;
        }
        return new Approval(product, Stage.valueOf(stage), UrgencyCategory.valueOf(category), Lift.parseAll(lifts),
                by);
    }

    /** The build still runs, so an approval can still let it pass. */
    public boolean isWaiting() {
        return run != null && run.isBuilding();
    }

    /**
     * Exactly when {@link #doApprove} would accept the click: not yet approved, the build still running (waiting at
     * the gate), a logged-in user with Override on the job.
     */
    public boolean isApproveAllowed() {
        return approvedBy == null && isWaiting() && User.current() != null
                && run.getParent().hasPermission(ReleaseGatePermissions.OVERRIDE);
    }

    /** Only a user with Override on the job may approve; the waiting build is woken to look again. */
    @RequirePOST
    public HttpResponse doApprove() throws IOException {
        User user = User.current();
        if (user == null) {
            return WebResponses.error(403, Messages.ApprovalAction_LogIn());
        }
        if (!run.getParent().hasPermission(ReleaseGatePermissions.OVERRIDE)) {
            return WebResponses.error(403, Messages.ApprovalAction_MayNotApprove(user.getId(),
                    run.getParent().getFullDisplayName()));
        }
        synchronized (this) {
            if (approvedBy != null) {
                return WebResponses.error(409,
                        Messages.ApprovalAction_AlreadyApproved(approvedBy.getDisplayName()));
            }
            if (!run.isBuilding()) {
                return WebResponses.error(409, Messages.ApprovalAction_BuildEnded());
            }
            approvedBy = new PersonRecord(user.getId(), user.getFullName());
            approvedAt = GateClock.now().toEpochMilli();
        }
        run.save();
        WaitingBuilds.wake();
        return WebResponses.done(new JSONObject().element("approvedBy", user.getId()), "../");
    }
}
