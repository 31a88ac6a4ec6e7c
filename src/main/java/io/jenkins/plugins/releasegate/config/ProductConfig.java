package io.jenkins.plugins.releasegate.config;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.releasegate.slack.SlackTestMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.Enums;
import org.releasegate.policy.JobPattern;
import org.releasegate.policy.MaxAge;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.UnstableRc;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;

/**
 * One product as the admin configures it, in the UI or in Configuration as Code. Strings as typed; core reads them
 * (with its exact error messages) when the configuration is applied.
 */
public final class ProductConfig implements Describable<ProductConfig> {
    /** Not final: a product saved without a name (a hand edit) is read with a blank one, which core then refuses. */
    private String name;
    private String jobs = "";
    private String productionWindows = ProductPolicy.DEFAULT_WINDOWS;
    private List<String> freezes = new ArrayList<>();
    private String slackChannel = "";
    private String rcMaxAge = "7d";
    private String defaultReleaseManager = "";
    private String unstableRc = UnstableRc.IN_FLIGHT.name();
    private String blockedResult = BlockedResult.NOT_BUILT.name();
    private boolean releasesWithoutRc;
    private List<ExceptionRule> exceptions = new ArrayList<>();
    private String runway = "0";
    /** The product's own time zone, an IANA id; blank for the policy's. */
    private String timeZone = "";

    /** A product saved without some field (an older version, a hand edit) takes its default. */
    private Object readResolve() {
        ProductConfig fresh = new ProductConfig(name);
        name = fresh.name;
        jobs = jobs == null ? fresh.jobs : jobs;
        productionWindows = productionWindows == null ? fresh.productionWindows : windowsOrNever(productionWindows);
        freezes = freezes == null ? fresh.freezes : freezes;
        slackChannel = slackChannel == null ? fresh.slackChannel : slackChannel;
        rcMaxAge = rcMaxAge == null ? fresh.rcMaxAge : rcMaxAge;
        defaultReleaseManager = defaultReleaseManager == null ? fresh.defaultReleaseManager : defaultReleaseManager;
        unstableRc = unstableRc == null ? fresh.unstableRc : unstableRc;
        blockedResult = blockedResult == null ? fresh.blockedResult : blockedResult;
        exceptions = exceptions == null ? fresh.exceptions : exceptions;
        runway = runway == null ? fresh.runway : runway;
        timeZone = timeZone == null ? fresh.timeZone : timeZone;
        return this;
    }

    @DataBoundConstructor
    public ProductConfig(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getName() {
        return name;
    }

    public String getJobs() {
        return jobs;
    }

    @DataBoundSetter
    public void setJobs(String jobs) {
        this.jobs = jobs == null ? "" : jobs.trim();
    }

    /** The product's own time zone as typed; blank for the policy's. */
    public String getTimeZone() {
        return timeZone;
    }

    /**
     * An IANA id ({@code Europe/Berlin}) its freezes are read in, its windows default to, and its messages, pages,
     * Slack posts and JSON answers show times in; blank for the policy's zone.
     */
    @DataBoundSetter
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone == null ? "" : timeZone.trim();
    }

    public String getProductionWindows() {
        return productionWindows;
    }

    /** Blank means no window; it is kept as {@code never}, which a Configuration-as-Code export does not drop. */
    @DataBoundSetter
    public void setProductionWindows(String productionWindows) {
        this.productionWindows = windowsOrNever(productionWindows);
    }

    private static String windowsOrNever(String productionWindows) {
        return productionWindows == null || productionWindows.isBlank() ? WindowSpec.NEVER : productionWindows.trim();
    }

    public List<String> getFreezes() {
        return List.copyOf(freezes);
    }

    @DataBoundSetter
    public void setFreezes(List<String> freezes) {
        this.freezes = freezes == null ? new ArrayList<>()
                : new ArrayList<>(freezes.stream().map(String::trim).filter(f -> !f.isEmpty()).toList());
    }

    /** The freezes one a line, as the form's text area shows them. */
    public String getFreezesText() {
        return String.join("\n", freezes);
    }

    public String getSlackChannel() {
        return slackChannel;
    }

    @DataBoundSetter
    public void setSlackChannel(String slackChannel) {
        this.slackChannel = slackChannel == null ? "" : slackChannel.trim();
    }

    public String getRcMaxAge() {
        return rcMaxAge;
    }

    @DataBoundSetter
    public void setRcMaxAge(String rcMaxAge) {
        this.rcMaxAge = rcMaxAge == null || rcMaxAge.isBlank() ? "7d" : rcMaxAge.trim();
    }

    public String getDefaultReleaseManager() {
        return defaultReleaseManager;
    }

    @DataBoundSetter
    public void setDefaultReleaseManager(String defaultReleaseManager) {
        this.defaultReleaseManager = defaultReleaseManager == null ? "" : defaultReleaseManager.trim();
    }

    public String getUnstableRc() {
        return unstableRc;
    }

    @DataBoundSetter
    public void setUnstableRc(String unstableRc) {
        this.unstableRc = unstableRc == null || unstableRc.isBlank() ? UnstableRc.IN_FLIGHT.name() : unstableRc.trim();
    }

    public String getBlockedResult() {
        return blockedResult;
    }

    @DataBoundSetter
    public void setBlockedResult(String blockedResult) {
        this.blockedResult = blockedResult == null || blockedResult.isBlank() ? BlockedResult.NOT_BUILT.name()
                : blockedResult.trim();
    }

    public boolean isReleasesWithoutRc() {
        return releasesWithoutRc;
    }

    @DataBoundSetter
    public void setReleasesWithoutRc(boolean releasesWithoutRc) {
        this.releasesWithoutRc = releasesWithoutRc;
    }

    public List<ExceptionRule> getExceptions() {
        return List.copyOf(exceptions);
    }

    @DataBoundSetter
    public void setExceptions(List<ExceptionRule> exceptions) {
        this.exceptions = exceptions == null ? new ArrayList<>() : new ArrayList<>(exceptions);
    }

    /** How long production must stay open after a production release starts, such as {@code 30m}; {@code 0}: none. */
    public String getRunway() {
        return runway;
    }

    @DataBoundSetter
    public void setRunway(String runway) {
        this.runway = runway == null || runway.isBlank() ? "0" : runway.trim();
    }

    /** Validates each field as it is typed, with core's parsers and their exact messages. */
    @Extension
    @Symbol("product")
    public static final class DescriptorImpl extends Descriptor<ProductConfig> {
        @Override
        public String getDisplayName() {
            return "Product";
        }

        /** The form shows freezes in a text area, one a line; Configuration as Code gives a list. */
        @Override
        public ProductConfig newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            Object freezes = formData.get("freezes");
            if (freezes instanceof String text) {
                formData.put("freezes", JSONArray.fromObject(Arrays.stream(text.split("\\R"))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList()));
            }
            return super.newInstance(req, formData);
        }

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return value == null || value.isBlank() ? FormValidation.error("A product needs a name, such as checkout")
                    : FormValidation.ok();
        }

        @POST
        public FormValidation doCheckJobs(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return check(() -> {
                if (JobPattern.parseAll(value).isEmpty()) {
                    return FormValidation.warning("No job is bound: no build can release this product");
                }
                return FormValidation.ok();
            });
        }

        /** Read as strictly as the policy's zone; blank takes the policy's. */
        @POST
        public FormValidation doCheckTimeZone(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Empty: the policy's time zone");
            }
            return check(() -> {
                TimeZones.parse(value);
                return FormValidation.ok();
            });
        }

        @POST
        public FormValidation doCheckProductionWindows(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return check(() -> WindowSpec.parse(value, TimeZones.DEFAULT).isEmpty()
                    ? FormValidation.warning("No window (saved as " + WindowSpec.NEVER + "): production never opens "
                            + "without an urgent exception")
                    : FormValidation.ok());
        }

        @POST
        public FormValidation doCheckFreezes(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return check(() -> {
                for (String line : value == null ? new String[0] : value.split("\\R")) {
                    if (!line.isBlank()) {
                        Freeze.parse(line);
                    }
                }
                return FormValidation.ok();
            });
        }

        @POST
        public FormValidation doCheckRcMaxAge(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Empty: 7d");
            }
            return check(() -> {
                MaxAge.parse(value);
                return FormValidation.ok();
            });
        }

        @POST
        public FormValidation doCheckRunway(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            if (value == null || value.isBlank()) {
                return FormValidation.ok("Empty: 0, no runway");
            }
            return check(() -> {
                Runway.parse(value);
                return FormValidation.ok();
            });
        }

        @POST
        public ListBoxModel doFillUnstableRcItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            for (UnstableRc u : UnstableRc.values()) {
                items.add(u.name());
            }
            return items;
        }

        @POST
        public ListBoxModel doFillBlockedResultItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            for (BlockedResult b : BlockedResult.values()) {
                items.add(b.name());
            }
            return items;
        }

        @POST
        public FormValidation doCheckBlockedResult(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return check(() -> {
                Enums.parse(BlockedResult.class, "blockedResult", value);
                return FormValidation.ok();
            });
        }

        /** Posts a test message to the channel typed in the form, through the Slack plugin's global settings. */
        @POST
        public FormValidation doSendTestMessage(@QueryParameter String name, @QueryParameter String slackChannel) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return SlackTestMessage.send(name, slackChannel);
        }

        /** Core's parse errors are IllegalArgumentExceptions with the message a person needs. */
        private static FormValidation check(java.util.function.Supplier<FormValidation> validation) {
            try {
                return validation.get();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
