package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.BuildBadgeAction;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.releasegate.CurrentUser;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.WebResponses;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.CandidateRecord;
import io.jenkins.plugins.releasegate.ledger.ClosureRecord;
import io.jenkins.plugins.releasegate.ledger.EventRecord;
import io.jenkins.plugins.releasegate.ledger.LedgerSaveException;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.PersonRecord;
import io.jenkins.plugins.releasegate.ledger.ReleaseManagerRecord;
import io.jenkins.plugins.releasegate.ledger.UrgencyRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.releasegate.message.Times;
import org.releasegate.people.Person;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.UnknownProductException;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.HandOverRefusedException;
import org.releasegate.rc.IllegalTransitionException;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.rc.UnknownCandidateException;

/**
 * The RC mark on a build the gate let through as a release candidate: its state and history, its release manager,
 * the change authors and the urgent exception it used. Shown as a badge, on the build page and in the REST API
 * (docs/rest-api.md); the class name and exported names are read by tools and written into build.xml: keep them.
 *
 * <p>Getters never throw, whatever an old or hand-edited build.xml holds: an exception in an exported getter makes
 * Stapler drop the mark from the REST answer, and in a view, break the build page.
 */
@ExportedBean(defaultVisibility = 2)
public class ReleaseCandidateAction implements RunAction2, BuildBadgeAction {
    private static final Logger LOGGER = Logger.getLogger(ReleaseCandidateAction.class.getName());

    private volatile CandidateRecord candidate;
    private transient Run<?, ?> run;

    public ReleaseCandidateAction(CandidateRecord candidate) {
        this.candidate = candidate;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** Replaces the mark with the ledger's newer view of the same RC. */
    void update(CandidateRecord newer) {
        this.candidate = newer;
    }

    public ReleaseCandidate candidate() {
        return candidate.toCandidate();
    }

    /** The RC, or empty when the stored mark cannot be read back (logged): for views, which must not throw. */
    private Optional<ReleaseCandidate> readable() {
        if (candidate == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(candidate.toCandidate());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, e, () -> "Cannot read the release candidate mark of " + run);
            return Optional.empty();
        }
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null; // the badge, the summary and the header show it; no side-panel link
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleaseCandidateAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "release-candidate";
    }

    @Exported
    @CheckForNull
    public String getProduct() {
        return candidate == null ? null : candidate.getProduct();
    }

    @Exported
    @CheckForNull
    public String getState() {
        return candidate == null ? null : candidate.getState();
    }

    @Exported
    @CheckForNull
    public String getStartedAt() {
        return candidate == null ? null : candidate.getStartedAt();
    }

    @Exported
    @CheckForNull
    public ReleaseManagerRecord getReleaseManager() {
        return candidate == null ? null : candidate.getReleaseManager();
    }

    @Exported
    public List<PersonRecord> getChangeAuthors() {
        return candidate == null ? List.of() : candidate.getChangeAuthors();
    }

    @Exported
    @CheckForNull
    public UrgencyRecord getUrgency() {
        return candidate == null ? null : candidate.getUrgency();
    }

    @Exported
    @CheckForNull
    public ClosureRecord getClosure() {
        return candidate == null ? null : candidate.getClosure();
    }

    @Exported
    public List<EventRecord> getHistory() {
        return candidate == null ? List.of() : candidate.getHistory();
    }

    /** The badge's text: the release manager's short name. */
    public String getBadgeText() {
        ReleaseManagerRecord rm = getReleaseManager();
        String name = rm == null ? null : rm.getDisplayName() != null ? rm.getDisplayName() : rm.getId();
        if (name == null || name.isBlank()) {
            return Messages.ReleaseCandidateAction_Badge();
        }
        name = name.trim();
        return Messages.ReleaseCandidateAction_BadgeWithName(name.contains(" ") ? name.substring(0, name.indexOf(' '))
                : name);
    }

    /** The badge's tooltip: state and release manager. */
    public String getTooltip() {
        return readable().map(rc -> Messages.ReleaseCandidateAction_Tooltip(rc.getProduct(), rc.getState(),
                rc.getReleaseManager().displayName())).orElse(Messages.ReleaseCandidateAction_DisplayName());
    }

    /** For the summary: the user page of the release manager, when a Jenkins user. */
    @CheckForNull
    public String getReleaseManagerUrl() {
        ReleaseManagerRecord rm = getReleaseManager();
        String id = rm == null ? null : rm.getId();
        User u = id == null || id.isBlank() ? null : User.getById(id, false);
        return u == null ? null : u.getUrl();
    }

    public String getAge() {
        return readable().map(rc -> Times.age(Duration.between(rc.getStartedAt(), GateClock.now()))).orElse("");
    }

    public boolean isOpen() {
        return readable().map(rc -> rc.getState().isOpen()).orElse(false);
    }

    /** Exactly when {@link #doReject} would accept the click: an open RC, and Job/Build on its job. */
    public boolean isRejectAllowed() {
        return isOpen() && run != null && run.getParent().hasPermission(Item.BUILD);
    }

    /**
     * Exactly when {@link #doHandOver} would accept the click (whoever it names): an open RC, and the current user is
     * its release manager (by user id) or has Hold on its job or globally. Job/Build is not needed.
     */
    public boolean isHandOverAllowed() {
        return isOpen() && run != null && (isReleaseManager(CurrentUser.person())
                || run.getParent().hasPermission(ReleaseGatePermissions.HOLD));
    }

    private boolean isReleaseManager(Person who) {
        return readable().flatMap(rc -> rc.getReleaseManager().person()).map(rm -> rm.isSame(who)).orElse(false);
    }

    /** Will not be promoted: the reason and the next steps go to the product's channel. */
    @RequirePOST
    public HttpResponse doReject(@QueryParameter String reason, @QueryParameter String nextSteps) {
        if (candidate == null) {
            return WebResponses.error(404, Messages.ReleaseCandidateAction_Unknown(Builds.ref(run), "?"));
        }
        Person by = CurrentUser.person();
        if (!run.getParent().hasPermission(Item.BUILD)) {
            return WebResponses.error(403, Messages.ReleaseCandidateAction_MayNotReject(by, run.getParent()
                    .getFullDisplayName()));
        }
        BuildRef ref = BuildRef.parse(candidate.getBuild());
        try {
            ProductPolicy policy = ReleaseGateConfiguration.get().product(getProduct());
            LedgerStore.get().apply(l -> l.reject(policy, ref, by, reason, nextSteps, GateClock.now()), null);
        } catch (RuntimeException e) {
            return refusal(e, ref);
        }
        return WebResponses.done(new JSONObject().element("build", ref.toString()).element("state", "REJECTED"),
                "../");
    }

    /**
     * Release management passes to another user: the release manager may, and so may someone with Hold on the job
     * or globally; core decides, with the caller's Hold given here.
     */
    @RequirePOST
    public HttpResponse doHandOver(@QueryParameter String userId) {
        if (candidate == null) {
            return WebResponses.error(404, Messages.ReleaseCandidateAction_Unknown(Builds.ref(run), "?"));
        }
        Person by = CurrentUser.person();
        boolean mayManage = run.getParent().hasPermission(ReleaseGatePermissions.HOLD);
        BuildRef ref = BuildRef.parse(candidate.getBuild());
        if (!mayManage && !isReleaseManager(by)) {
            // Refused before the user id is looked up: whoever may read the build must not learn which ids exist.
            return WebResponses.error(403, Messages.ReleaseCandidateAction_MayNotHandOver(by, ref,
                    readable().map(rc -> rc.getReleaseManager().displayName()).orElse("?")));
        }
        User to = userId == null || userId.isBlank() ? null : User.getById(userId.trim(), false);
        if (to == null) {
            return WebResponses.error(400, Messages.ReleaseCandidateAction_NoSuchUser(userId == null ? "" : userId));
        }
        Person next = Person.user(to.getId(), to.getFullName());
        try {
            ProductPolicy policy = ReleaseGateConfiguration.get().product(getProduct());
            LedgerStore.get().apply(l -> l.handOver(policy, ref, next, by, mayManage, GateClock.now()), null);
        } catch (HandOverRefusedException e) {
            return WebResponses.error(403, Messages.ReleaseCandidateAction_MayNotHandOver(by, ref,
                    readable().map(rc -> rc.getReleaseManager().displayName()).orElse("?")));
        } catch (UnknownCandidateException e) {
            return refusal(e, ref);
        } catch (IllegalTransitionException e) {
            return isOpen() && isReleaseManager(next)
                    ? WebResponses.error(409, Messages.ReleaseCandidateAction_AlreadyReleaseManager(next, ref))
                    : refusal(e, ref);
        } catch (RuntimeException e) {
            return refusal(e, ref);
        }
        return WebResponses.done(new JSONObject().element("build", ref.toString()).element("releaseManager",
                to.getId()), "../");
    }

    /** One HTTP status per kind of refusal: 404 unknown to the gate, 409 a state conflict, 400 bad input. */
    private HttpResponse refusal(RuntimeException e, BuildRef ref) {
        if (e instanceof UnknownCandidateException || e instanceof UnknownProductException) {
            return WebResponses.error(404, Messages.ReleaseCandidateAction_Unknown(ref, getProduct()));
        }
        if (e instanceof IllegalTransitionException || e instanceof PolicyException) {
            return WebResponses.error(409, e.getMessage()); // already closed, already the release manager, unusable
        }
        if (e instanceof IllegalArgumentException) {
            return WebResponses.error(400, e.getMessage()); // a reason or next steps missing
        }
        if (e instanceof LedgerSaveException) {
            return WebResponses.error(500, e.getMessage());
        }
        throw e;
    }
}
