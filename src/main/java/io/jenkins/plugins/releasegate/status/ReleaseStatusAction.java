package io.jenkins.plugins.releasegate.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Api;
import hudson.model.RootAction;
import io.jenkins.plugins.releasegate.CurrentUser;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import io.jenkins.plugins.releasegate.WebResponses;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerSaveException;
import io.jenkins.plugins.releasegate.ledger.LedgerReconciler;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.json.JSONObject;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerProxy;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.releasegate.calendar.CalendarEvent;
import org.releasegate.calendar.CalendarRange;
import org.releasegate.calendar.CalendarWriter;
import org.releasegate.calendar.ReleaseCalendar;
import org.releasegate.hold.HoldExpiry;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.HoldPermissionException;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.schedule.SpecException;
import org.releasegate.schedule.TimeZones;

/**
 * {@code /release-gate/}: every product's release state for the team, holds placed and lifted, and the same as JSON at
 * {@code /release-gate/api/json}. {@code POST hold} and {@code POST lift} serve the page's forms and REST callers alike
 * (a crumb or an API token).
 */
@Extension
@ExportedBean
public class ReleaseStatusAction implements RootAction, StaplerProxy {
    @Override
    @CheckForNull
    public String getIconFileName() {
        return Jenkins.get().hasPermission(Jenkins.READ) ? "symbol-paper-plane-outline" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.ReleaseStatusAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "release-gate";
    }

    /** Jenkins already asks for Overall/Read on its root actions; this says so here too, for the API and the forms. */
    @Override
    public Object getTarget() {
        Jenkins.get().checkPermission(Jenkins.READ);
        return this;
    }

    public Api getApi() {
        return new Api(this);
    }

    /**
     * Every product, in the order the configuration lists them; none while the configuration cannot be used. Each
     * shows only the builds (RC, queue, audit) whose job the viewer may read.
     */
    @Exported
    public List<ProductStatus> getProducts() {
        ReleasePolicy policy;
        try {
            policy = ReleaseGateConfiguration.get().policy();
        } catch (PolicyException e) {
            return List.of();
        }
        Instant now = GateClock.now();
        HoldPermissions permissions = HoldPermissions.ofCurrentUser(policy.getProducts());
        ReadableBuilds readable = new ReadableBuilds();
        return LedgerStore.get().read(ledger -> policy.getProducts().stream()
                .map(p -> new ProductStatus(p, ledger.snapshot(p.getName()), ledger.audit(p.getName()), now,
                        permissions, readable))
                .toList());
    }

    /**
     * {@code GET calendar[?product=NAME]}: the production windows of the coming year as an iCalendar file, for one
     * product or every product, freezes and the holds standing now included. Overall/Read, like the page.
     */
    public HttpResponse doCalendar(@QueryParameter String product) {
        Jenkins.get().checkPermission(Jenkins.READ);
        ReleasePolicy policy;
        try {
            policy = ReleaseGateConfiguration.get().policy();
        } catch (PolicyException e) {
            return WebResponses.error(409, Messages.ReleaseStatusAction_Unusable(e.getMessage()));
        }
        List<ProductPolicy> products = policy.getProducts();
        String name = Util.fixEmptyAndTrim(product);
        if (name != null) {
            products = products.stream().filter(p -> p.getName().equals(name)).toList();
            if (products.isEmpty()) {
                return WebResponses.error(404, Messages.ReleaseStatusAction_NoSuchProduct(name,
                        String.join(", ", policy.getProducts().stream().map(ProductPolicy::getName).toList())));
            }
        }
        Instant now = GateClock.now();
        List<ProductPolicy> chosen = products;
        List<CalendarEvent> events = LedgerStore.get().read(ledger -> {
            List<CalendarEvent> out = new ArrayList<>();
            for (ProductPolicy p : chosen) {
                LocalDate today = ReleaseCalendar.today(now, p.getZone());
                CalendarRange range = new CalendarRange(today, today.plusYears(1));
                out.addAll(ReleaseCalendar.events(p, range));
                for (Hold h : ledger.holds()) {
                    if (h.isActive(now) && h.appliesTo(p.getName())) {
                        out.addAll(ReleaseCalendar.hold(p, h, range));
                    }
                }
            }
            return out;
        });
        String ics = CalendarWriter.load().write((name == null ? "Release Gate" : name) + " production windows",
                events, now);
        String file = ReleaseCalendar.fileName(name);
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException {
                rsp.setContentType("text/calendar; charset=UTF-8");
                rsp.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
                rsp.getWriter().write(ics);
            }
        };
    }

    /** Why the release ledger could not be saved lately, for the page; null when it is saved. */
    @CheckForNull
    public String getSaveProblem() {
        return LedgerStore.get().getSaveProblem();
    }

    /** Why the saved configuration cannot be used, for the page; null when it can. */
    @CheckForNull
    public String getProblem() {
        return ReleaseGateConfiguration.get().getProblem().orElse(null);
    }

    /** Holding every product needs Hold on Jenkins. */
    public boolean isHoldEveryProductAllowed() {
        return Jenkins.get().hasPermission(ReleaseGatePermissions.HOLD);
    }

    /** Why the page cannot show times in the zone asked for ({@code ?zone=}), or null. */
    @CheckForNull
    public String zoneProblem(@CheckForNull String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return null;
        }
        try {
            TimeZones.parse(zoneId);
            return null;
        } catch (SpecException e) {
            return e.getMessage();
        }
    }

    /**
     * Places a hold on {@code product}, or on every product with {@code allProducts=true}. Answers the new hold's id
     * ({@code {"id": "hold-3"}}) to callers that accept JSON, and sends a browser back to the page.
     *
     * @param expires empty (until lifted), a time from now ({@code 4h}, {@code 2d}, {@code 1d12h}) or a date and time
     *     ({@code 2026-12-01T17:00} in the product's zone, or with an offset or {@code Z})
     */
    @RequirePOST
    public HttpResponse doHold(@QueryParameter String product, @QueryParameter String reason,
            @QueryParameter String expires, @QueryParameter boolean allProducts) {
        Jenkins.get().checkPermission(Jenkins.READ);
        ReleasePolicy policy;
        try {
            policy = ReleaseGateConfiguration.get().policy();
        } catch (PolicyException e) {
            return WebResponses.error(409, Messages.ReleaseStatusAction_Unusable(e.getMessage()));
        }
        HoldPermissions permissions = HoldPermissions.ofCurrentUser(policy.getProducts());
        Optional<String> target;
        ProductPolicy held = null;
        if (allProducts) {
            target = Optional.empty();
        } else {
            if (product == null || product.isBlank()) {
                return WebResponses.error(400, Messages.ReleaseStatusAction_NoProduct());
            }
            try {
                held = policy.product(product);
            } catch (PolicyException e) {
                return WebResponses.error(404, e.getMessage());
            }
            if (!permissions.mayHold(held.getName())) {
                return WebResponses.error(403, refusal(permissions, held.getName()));
            }
            target = Optional.of(held.getName());
        }
        boolean mayManage = held == null ? permissions.mayHoldEveryProduct()
                : permissions.mayManageHolds(held.getName());
        Instant now = GateClock.now();
        try {
            Optional<Instant> expiry = HoldExpiry.parse(expires, now, held == null ? policy.getZone() : held.getZone());
            List<LedgerEvent> events = LedgerStore.get().apply(ledger -> ledger.placeHold(target,
                    permissions.person(), reason, expiry, mayManage, now), null);
            String id = events.stream().filter(LedgerEvent.HoldPlaced.class::isInstance)
                    .map(e -> ((LedgerEvent.HoldPlaced) e).hold().id()).findFirst().orElse(null);
            return WebResponses.done(new JSONObject().element("id", id), ".");
        } catch (HoldPermissionException e) {
            return WebResponses.error(403, e.getMessage());
        } catch (IllegalArgumentException e) {
            return WebResponses.error(400, e.getMessage());
        } catch (LedgerSaveException e) {
            return WebResponses.error(500, e.getMessage());
        }
    }

    /** Whether the current user may reconcile the ledger with build history (administrators). */
    public boolean isReconcileAllowed() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    /**
     * Reconciles the ledger with build history now, as at start-up: administrators only. Sends a browser back to the
     * status page and answers JSON callers with one line per product ({@code {"products": [...]}}); 403 without
     * Administer, in JSON for JSON callers like every other refusal here.
     */
    @RequirePOST
    public HttpResponse doReconcile() {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return WebResponses.error(403, Messages.ReleaseStatusAction_MayNotReconcile(CurrentUser.person()));
        }
        List<String> report = LedgerReconciler.reconcile();
        return WebResponses.done(new JSONObject().element("products", report), ".");
    }

    /** Lifts a hold: its author may, and so may someone with Hold where the hold applies. */
    @RequirePOST
    public HttpResponse doLift(@QueryParameter String id) {
        Jenkins.get().checkPermission(Jenkins.READ);
        List<ProductPolicy> products;
        try {
            products = ReleaseGateConfiguration.get().policy().getProducts();
        } catch (PolicyException e) {
            products = List.of(); // lifting still works for authors and for Hold on Jenkins
        }
        HoldPermissions permissions = HoldPermissions.ofCurrentUser(products);
        Optional<Hold> hold = LedgerStore.get().read(ledger -> ledger.holds().stream()
                .filter(h -> h.id().equals(id)).findFirst());
        if (hold.isEmpty()) {
            return WebResponses.error(404, Messages.ReleaseStatusAction_NoHold(id));
        }
        boolean mayManage = permissions.mayManage(hold.get());
        try {
            LedgerStore.get().apply(ledger -> ledger.liftHold(id, permissions.person(), mayManage, GateClock.now()),
                    null);
            return WebResponses.done(new JSONObject().element("id", id).element("lifted", true), ".");
        } catch (HoldPermissionException e) {
            return WebResponses.error(403, e.getMessage());
        } catch (IllegalArgumentException e) {
            return WebResponses.error(404, e.getMessage()); // lifted or expired meanwhile
        } catch (LedgerSaveException e) {
            return WebResponses.error(500, e.getMessage());
        }
    }

    private static String refusal(HoldPermissions permissions, String product) {
        List<String> jobs = permissions.jobNames(product);
        return Messages.ReleaseStatusAction_MayNotHold(permissions.person(), product,
                jobs.isEmpty() ? Messages.ReleaseStatusAction_NoVisibleJob() : String.join(", ", jobs));
    }
}
