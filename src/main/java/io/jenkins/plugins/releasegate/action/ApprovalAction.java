package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.ledger.PersonRecord;
import java.io.IOException;
import java.time.Instant;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.releasegate.people.Person;

/**
 * An urgent exception waiting for someone with Override to approve it: the build's requester may not lift the window
 * or a freeze alone. The approver is recorded; the waiting build passes on its next look.
 */
@ExportedBean(defaultVisibility = 2)
public class ApprovalAction implements RunAction2 {
    private final String category;
    private final String reason;
    private final PersonRecord requestedBy;
    private volatile PersonRecord approvedBy;
    private volatile long approvedAt;
    private transient Run<?, ?> run;

    public ApprovalAction(String category, String reason, @CheckForNull Person requestedBy) {
        this.category = category;
        this.reason = reason;
        this.requestedBy = PersonRecord.of(requestedBy);
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
        return io.jenkins.plugins.releasegate.Messages.ApprovalAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "release-gate-approval";
    }

    @Exported
    public String getCategory() {
        return category;
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

    @CheckForNull
    public Person approver() {
        return PersonRecord.toPerson(approvedBy);
    }

    public boolean isApproveAllowed() {
        return approvedBy == null && run != null && run.getParent().hasPermission(ReleaseGatePermissions.OVERRIDE);
    }

    /** Only a user with Override on the job may approve; the waiting build is woken to look again. */
    @RequirePOST
    public HttpResponse doApprove() throws IOException {
        run.getParent().checkPermission(ReleaseGatePermissions.OVERRIDE);
        User user = User.current();
        if (user == null) {
            return HttpResponses.errorWithoutStack(403, "Log in to approve an urgent exception");
        }
        synchronized (this) {
            if (approvedBy != null) {
                return HttpResponses.errorWithoutStack(409, "Already approved by " + approvedBy.getDisplayName());
            }
            if (!run.isBuilding()) {
                return HttpResponses.errorWithoutStack(409, "The build has ended: there is nothing left to approve");
            }
            approvedBy = new PersonRecord(user.getId(), user.getFullName());
            approvedAt = GateClock.now().toEpochMilli();
        }
        run.save();
        WaitingBuilds.wake();
        return HttpResponses.redirectTo("../");
    }
}
