package io.jenkins.plugins.releasegate.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.casc.yaml.YamlSource;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.Rule;
import org.junit.Test;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateMode;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;

/**
 * Configuration as Code: {@code unclassified: releaseGate:}, the same YAML the command line reads.
 *
 * <p>The sample the docs show is read from the repository itself (docs/examples/release-gate.yml), not from a copy
 * among the test resources: the file people copy is the file tested, so the two cannot drift apart. The other cases
 * use small files of their own, so that they do not change when the sample is edited for readers.
 */
public class ConfigurationAsCodeTest {
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @Test
    public void theSampleInTheDocsAppliesAsDocumented() throws Exception {
        ConfigurationAsCode.get().configure(sample().getAbsolutePath());

        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals(Optional.empty(), config.getProblem());
        assertEquals("America/New_York", config.getTimeZone());
        assertEquals(List.of("checkout", "search"), config.getProducts().stream().map(ProductConfig::getName).toList());

        ProductConfig checkout = config.getProducts().get(0);
        assertEquals("checkout/release-candidate, checkout/hotfix, checkout/deploy-production", checkout.getJobs());
        assertEquals("Mon-Thu 08:00-16:00", checkout.getProductionWindows());
        assertEquals(List.of("2026-12-21..2027-01-04 Holiday freeze"), checkout.getFreezes());
        assertEquals("#checkout", checkout.getSlackChannel());
        assertEquals("7d", checkout.getRcMaxAge());
        assertDefaults(checkout);

        ProductConfig search = config.getProducts().get(1);
        assertEquals("search/**", search.getJobs());
        assertEquals("Mon-Thu 09:00-17:00 Europe/Berlin\nFri 09:00-12:00 Europe/Berlin", search.getProductionWindows());
        assertEquals(List.of(), search.getFreezes());
        assertEquals("#search", search.getSlackChannel());
        assertEquals("7d", search.getRcMaxAge());
        assertDefaults(search);

        // And core reads it the way the reference says.
        assertTrue(config.product("checkout").isBoundTo("checkout/hotfix"));
        assertTrue(config.product("search").isBoundTo("search/app/main"));
        assertEquals("Mon-Thu 09:00-17:00 Europe/Berlin; Fri 09:00-12:00 Europe/Berlin",
                config.product("search").getSchedule().getWindows().toString());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void everySettingIsApplied() {
        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals("Europe/London", config.getTimeZone());
        assertEquals(2, config.getProducts().size());

        ProductConfig payments = config.getProducts().get(0);
        assertEquals("payments", payments.getName());
        assertEquals("payments/release-candidate, payments/deploy-production", payments.getJobs());
        assertEquals("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin", payments.getProductionWindows());
        assertEquals(List.of("2026-11-26 Thanksgiving", "2026-12-21..2027-01-04 Holiday freeze"),
                payments.getFreezes());
        assertEquals("#payments", payments.getSlackChannel());
        assertEquals("36h", payments.getRcMaxAge());
        assertEquals("alice", payments.getDefaultReleaseManager());
        assertEquals("FAILED", payments.getUnstableRc());
        assertEquals("FAILURE", payments.getBlockedResult());
        assertTrue(payments.isReleasesWithoutRc());
        assertEquals(List.of("URGENT_DELIVERY=WINDOW", "PRODUCTION_DOWN=WINDOW, FREEZE"),
                payments.getExceptions().stream().map(e -> e.getCategory() + "=" + e.getLifts()).toList());

        ProductConfig docs = config.getProducts().get(1);
        assertEquals("docs", docs.getName());
        assertEquals("docs/**", docs.getJobs());
        assertEquals("Mon-Thu 08:00-16:00", docs.getProductionWindows());
        assertDefaults(docs);

        // Core's policy, as the gate uses it.
        assertEquals("Europe/London", config.product("payments").getZone().getId());
        assertEquals(36, config.product("payments").getRcMaxAge().toHours());
        assertEquals("45m", payments.getRunway());
        assertEquals(45, config.product("payments").getRunway().toMinutes());
        assertEquals("0", docs.getRunway());
        assertEquals(0, config.product("docs").getRunway().toMinutes());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void exportIsTheYamlThatWasApplied() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode releaseGate = Util.getUnclassifiedRoot(context).get("releaseGate");
        assertEquals(Util.toStringFromYamlFile(this, "every-setting-export.yml"), Util.toYamlString(releaseGate));
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void aBadWindowFailsWithCoresMessageAndChangesNothing() throws Exception {
        try {
            ConfigurationAsCode.get().configure(getClass().getResource("bad-window.yml").toExternalForm());
            fail("a window core refuses was applied");
        } catch (ConfiguratorException e) {
            String messages = messages(e);
            assertTrue(messages, messages.contains("\"Mon-Thu 8-16\": expected HH:MM at column 9"));
            assertTrue(messages, messages.contains("products[0] (payments).productionWindows"));
        }
        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin",
                config.getProducts().get(0).getProductionWindows());
        assertEquals(2, config.getProducts().size());
        assertEquals(Optional.empty(), config.getProblem());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void applyingAgainKeepsHoldsAndReleaseCandidates() throws Exception {
        Instant now = Instant.parse("2026-11-23T15:00:00Z");
        BuildRef rc = new BuildRef("payments/release-candidate", 7);
        LedgerStore.get().change(l -> l.gate(ReleaseGateConfiguration.get().product("payments"),
                GateRequest.builder(Stage.RC).build(rc).requester(ALICE)
                        .releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build(),
                now, GateMode.ONCE));
        LedgerStore.get().change(l -> l.placeHold(Optional.of("payments"), ALICE, "Waiting for the audit",
                Optional.empty(), false, now));

        ConfigurationAsCode.get().configure(getClass().getResource("every-setting.yml").toExternalForm());
        ConfigurationAsCode.get().configure(sample().getAbsolutePath()); // even a file without the product
        LedgerStore.get().reload(); // and as read back from disk

        assertEquals(List.of("Waiting for the audit"),
                LedgerStore.get().read(l -> l.holds().stream().map(h -> h.reason()).toList()));
        assertEquals(List.of(rc), LedgerStore.get().read(l -> l.snapshot("payments").open().stream()
                .map(c -> c.getBuild()).toList()));
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void theDryRunRefusesABadBlockWithCoresMessage() throws Exception {
        try {
            ConfigurationAsCode.get().checkWith(YamlSource.of(resource("bad-window.yml")));
            fail("the dry run let a window core refuses through");
        } catch (ConfiguratorException e) {
            // In the message JCasC shows, not only in a cause: not "Failed to set attribute 'products'".
            assertTrue(e.getMessage(), e.getMessage().contains(
                    "products[0] (payments).productionWindows: \"Mon-Thu 8-16\": expected HH:MM at column 9"));
        }
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void refusedProductsLeaveTheZoneAsItWas() throws Exception {
        try {
            ConfigurationAsCode.get().configure(resource("new-zone-bad-products.yml"));
            fail("products core refuses were applied");
        } catch (ConfiguratorException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("expected HH:MM at column 9"));
        }
        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals("Europe/London", config.getTimeZone());
        assertEquals("Europe/London", config.policy().getZone().getId());
        config.load(); // and as saved
        assertEquals("Europe/London", config.getTimeZone());
        assertEquals(List.of("payments", "docs"), config.getProducts().stream().map(ProductConfig::getName).toList());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void aStoredProductCoreRefusesDoesNotBlockAFileThatReplacesIt() throws Exception {
        storeWindowCoreRefuses();
        assertTrue(ReleaseGateConfiguration.get().getProblem().isPresent());

        ConfigurationAsCode.get().configure(resource("every-setting.yml"));

        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals(Optional.empty(), config.getProblem());
        assertEquals("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin",
                config.getProducts().get(0).getProductionWindows());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void aStoredProductCoreRefusesDoesNotBlockAFileThatLeavesItOut() throws Exception {
        storeWindowCoreRefuses();

        ConfigurationAsCode.get().configure(resource("zone-only.yml"));

        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals("Asia/Tokyo", config.getTimeZone());
        // The stored product is kept as it was, and the configuration page still says what is wrong with it.
        assertEquals("Mon-Thu 8-16", config.getProducts().get(0).getProductionWindows());
        assertTrue(config.getProblem().orElse(""), config.getProblem().orElse("").contains("expected HH:MM"));
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void aProductWithoutANameIsRefusedByName() throws Exception {
        try {
            ConfigurationAsCode.get().configure(resource("nameless-product.yml"));
            fail("a product without a name was applied");
        } catch (ConfiguratorException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("products[0].name: A product needs a name"));
        }
        assertEquals(2, ReleaseGateConfiguration.get().getProducts().size());
    }

    @Test
    @ConfiguredWithCode("never.yml")
    public void neverSurvivesExportAndReimport() throws Exception {
        ProductConfig payments = ReleaseGateConfiguration.get().getProducts().get(0);
        assertEquals("never", payments.getProductionWindows());
        assertTrue(ReleaseGateConfiguration.get().product("payments").getSchedule().getWindows().isEmpty());

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(context).get("releaseGate"));
        assertTrue(exported, exported.contains("productionWindows: \"never\""));

        ConfigurationAsCode.get().configure(resource("every-setting.yml")); // payments opens again
        Path file = Files.createTempFile("release-gate-export", ".yml");
        try {
            Files.writeString(file, "unclassified:\n  releaseGate:\n"
                    + exported.lines().map(line -> "    " + line + "\n").collect(Collectors.joining()));
            ConfigurationAsCode.get().configure(file.toString());
        } finally {
            Files.delete(file);
        }
        assertTrue("production of payments still never opens",
                ReleaseGateConfiguration.get().product("payments").getSchedule().getWindows().isEmpty());
        assertFalse("docs kept its default window",
                ReleaseGateConfiguration.get().product("docs").getSchedule().getWindows().isEmpty());
    }

    @Test
    @ConfiguredWithCode("every-setting.yml")
    public void theBlockIsReadByReleaseGatesOwnConfigurator() {
        // The one that checks the block as a whole, not JCasC's setter-by-setter configurator.
        Object configurator = ConfiguratorRegistry.get().lookup(ReleaseGateConfiguration.class);
        assertTrue(String.valueOf(configurator), configurator instanceof ReleaseGateConfigurator);
    }

    /** Stores, as an older version or a hand edit could, a product whose window core refuses. */
    private void storeWindowCoreRefuses() throws Exception {
        File xml = new File(j.jenkins.getRootDir(), ReleaseGateConfiguration.class.getName() + ".xml");
        String saved = Files.readString(xml.toPath());
        assertTrue(saved, saved.contains("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin"));
        Files.writeString(xml.toPath(), saved.replace("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin",
                "Mon-Thu 8-16"));
        ReleaseGateConfiguration.get().load();
        assertEquals("Mon-Thu 8-16", ReleaseGateConfiguration.get().getProducts().get(0).getProductionWindows());
    }

    private String resource(String name) {
        return getClass().getResource(name).toExternalForm();
    }

    private static void assertDefaults(ProductConfig p) {
        assertEquals("", p.getDefaultReleaseManager());
        assertEquals("IN_FLIGHT", p.getUnstableRc());
        assertEquals("NOT_BUILT", p.getBlockedResult());
        assertFalse(p.isReleasesWithoutRc());
        assertEquals(List.of(), p.getExceptions());
    }

    /** docs/examples/release-gate.yml; Surefire runs in the module's directory and names it in basedir. */
    private static File sample() {
        File file = new File(System.getProperty("basedir", System.getProperty("user.dir")),
                "docs/examples/release-gate.yml");
        assertTrue(file + " is the sample the docs show", file.isFile());
        return file;
    }

    /** JCasC wraps the setter's exception: the words a person needs are in a cause. */
    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }
}
