package io.jenkins.plugins.releasegate.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasegate.slack.SlackSender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;
import org.releasegate.ledger.AuditJournal;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.schedule.SpecException;
import org.releasegate.schedule.TimeZones;

/**
 * The release policy: its zone and its products. Policy only; runtime state (RCs, holds, the queue) lives in the
 * ledger, so applying a Configuration-as-Code file never wipes it.
 */
@Extension
@Symbol("releaseGate")
public class ReleaseGateConfiguration extends GlobalConfiguration {
    private String timeZone = TimeZones.DEFAULT.getId();
    private List<ProductConfig> products = new ArrayList<>();
    /** Days the ledger's audit journal keeps; older days are deleted. */
    private int auditRetentionDays = AuditJournal.DEFAULT_RETENTION_DAYS;
    private transient volatile ReleasePolicy policy;

    public ReleaseGateConfiguration() {
        // load() fills this instance: a field the file lacks keeps its default.
        load();
    }

    /** Reads the saved file again; the policy is then built from what it says, not from what was there before. */
    @Override
    public synchronized void load() {
        super.load();
        policy = null;
    }

    public static ReleaseGateConfiguration get() {
        return ExtensionList.lookupSingleton(ReleaseGateConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return io.jenkins.plugins.releasegate.Messages.ReleaseGateConfiguration_DisplayName();
    }

    public synchronized String getTimeZone() {
        return timeZone;
    }

    /**
     * Checks the zone alone, never against the stored products: a product core refuses must not block fixing the zone.
     *
     * @throws PolicyException for a zone core refuses; nothing changes then
     */
    @DataBoundSetter
    public synchronized void setTimeZone(String timeZone) {
        PolicyFactory.zone(timeZone);
        this.timeZone = timeZone == null || timeZone.isBlank() ? TimeZones.DEFAULT.getId() : timeZone.trim();
        this.policy = null;
        save();
    }

    public synchronized int getAuditRetentionDays() {
        return auditRetentionDays;
    }

    /**
     * @throws PolicyException for less than one day; nothing changes then
     */
    @DataBoundSetter
    public synchronized void setAuditRetentionDays(int days) {
        this.auditRetentionDays = retentionDays(days);
        save();
    }

    private static int retentionDays(int days) {
        if (days < 1) {
            throw new PolicyException("auditRetentionDays must be at least 1 (days the audit keeps), not " + days
                    + "; the default is " + AuditJournal.DEFAULT_RETENTION_DAYS);
        }
        return days;
    }

    @POST
    public FormValidation doCheckAuditRetentionDays(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            retentionDays(Integer.parseInt(value.trim()));
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("Not a whole number of days: \"" + value + "\"");
        } catch (PolicyException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public synchronized List<ProductConfig> getProducts() {
        return List.copyOf(products);
    }

    /**
     * Checks the products alone, never against the stored zone (a zone only names the time of windows that give
     * none, so it cannot make a product wrong).
     *
     * @throws PolicyException naming the product and field; nothing changes then
     */
    @DataBoundSetter
    public synchronized void setProducts(List<ProductConfig> products) {
        List<ProductConfig> list = products == null ? new ArrayList<>() : new ArrayList<>(products);
        PolicyFactory.build(null, list);
        this.products = list;
        this.policy = null;
        save();
    }

    /**
     * Checks a block of settings as a whole, before any of it is applied (Configuration as Code): the zone and products
     * it gives make one policy. What it leaves out keeps its stored value and is not judged again, so a stored product
     * core now refuses cannot make every file fail.
     *
     * @param zone the zone the block gives, or null if it gives none
     * @param products the products the block gives, or null if it gives none
     * @throws PolicyException with core's message, naming the field
     */
    public synchronized void check(@CheckForNull String zone, @CheckForNull List<ProductConfig> products) {
        if (products != null) {
            PolicyFactory.build(zone == null ? storedZoneIfValid() : zone, products);
        } else if (zone != null) {
            PolicyFactory.zone(zone);
        }
    }

    private String storedZoneIfValid() {
        try {
            PolicyFactory.zone(timeZone);
            return timeZone;
        } catch (PolicyException e) {
            return null; // not this block's problem: windows are checked in the default zone instead
        }
    }

    /**
     * Applies several settings at once, as one change: saved once at the end, and nothing saved if {@code change}
     * throws (it then puts back what it changed). Readers wait meanwhile, so none sees half a block.
     */
    @Restricted(NoExternalUse.class)
    public synchronized <E extends Exception> void update(Change<E> change) throws E, IOException {
        try (BulkChange bulk = new BulkChange(this)) {
            change.apply(this);
            this.policy = null;
            bulk.commit();
        }
    }

    /** Several setter calls made as one change; see {@link #update}. */
    @Restricted(NoExternalUse.class)
    @FunctionalInterface
    public interface Change<E extends Exception> {
        void apply(ReleaseGateConfiguration config) throws E;
    }

    /** The policy core decides with. A configuration saved by an older version that core refuses has no policy. */
    public ReleasePolicy policy() {
        ReleasePolicy p = policy;
        if (p == null) {
            synchronized (this) { // built from one consistent zone and product list, never from half a change
                p = policy;
                if (p == null) {
                    p = PolicyFactory.build(timeZone, products);
                    policy = p;
                }
            }
        }
        return p;
    }

    /** @throws org.releasegate.policy.UnknownProductException naming the products there are */
    public ProductPolicy product(String name) {
        return policy().product(name);
    }

    /** The products a job is bound to. */
    public List<ProductPolicy> productsOf(String jobFullName) {
        try {
            return policy().getProducts().stream().filter(p -> p.isBoundTo(jobFullName)).toList();
        } catch (PolicyException e) {
            return List.of();
        }
    }

    /** Applies the whole form or none of it: the policy is built and checked first. */
    @Override
    public synchronized boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        String zone = json.optString("timeZone", TimeZones.DEFAULT.getId());
        List<ProductConfig> bound = new ArrayList<>();
        // One product comes as an object, several as an array, none as nothing.
        Object submitted = json.opt("products");
        List<JSONObject> forms = new ArrayList<>();
        if (submitted instanceof JSONObject one) {
            forms.add(one);
        } else if (submitted instanceof JSONArray many) {
            for (int i = 0; i < many.size(); i++) {
                forms.add(many.getJSONObject(i));
            }
        }
        ProductConfig.DescriptorImpl descriptor = ExtensionList.lookupSingleton(ProductConfig.DescriptorImpl.class);
        for (JSONObject form : forms) {
            bound.add(descriptor.newInstance(req, form));
        }
        int retention;
        try {
            retention = retentionDays(Integer.parseInt(json.optString("auditRetentionDays",
                    String.valueOf(AuditJournal.DEFAULT_RETENTION_DAYS)).trim()));
        } catch (NumberFormatException | PolicyException e) {
            throw new FormException("auditRetentionDays: " + e.getMessage(), "auditRetentionDays");
        }
        try {
            this.policy = PolicyFactory.build(zone, bound);
        } catch (PolicyException e) {
            throw new FormException(e.getMessage(), "products"); // the message says it all: no stack trace for a typo
        }
        this.auditRetentionDays = retention;
        this.timeZone = zone.isBlank() ? TimeZones.DEFAULT.getId() : zone.trim();
        this.products = bound;
        save();
        return true;
    }

    /** Whether Slack can be posted to (the plugin installed and set up), for the one notice on the configuration page. */
    public boolean isSlackReady() {
        return Jenkins.get().getPlugin("slack") != null
                && SlackSender.find().map(SlackSender::isConfigured).orElse(false);
    }

    /** The first problem of the stored configuration, for the page, if core refuses it. */
    public Optional<String> getProblem() {
        try {
            policy();
            return Optional.empty();
        } catch (PolicyException e) {
            return Optional.of(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckTimeZone(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok("Empty: " + TimeZones.DEFAULT.getId());
        }
        try {
            TimeZones.parse(value);
            return FormValidation.ok();
        } catch (SpecException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
