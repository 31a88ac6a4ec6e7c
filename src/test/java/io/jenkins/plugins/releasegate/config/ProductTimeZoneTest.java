package io.jenkins.plugins.releasegate.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import hudson.model.Result;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.releasegate.GateClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A product's own {@code timeZone}, through Configuration as Code, the form's check and a build: the policy is in New
 * York time, search in Berlin time. Friday 2026-11-27 15:00 UTC is 10:00 in New York and 16:00 in Berlin.
 */
public class ProductTimeZoneTest {
    private static final Instant FRIDAY = Instant.parse("2026-11-27T15:00:00Z");
    private static final String PRODUCT = "descriptorByName/io.jenkins.plugins.releasegate.config.ProductConfig/";

    @Rule
    public JenkinsConfiguredWithCodeRule j = new JenkinsConfiguredWithCodeRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    @ConfiguredWithCode("product-zone.yml")
    public void aProductKeepsItsOwnZoneBesideThePolicys() {
        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        assertEquals("America/New_York", config.getTimeZone());
        assertEquals("Europe/Berlin", config.getProducts().get(0).getTimeZone());
        assertEquals("", config.getProducts().get(1).getTimeZone());
        assertEquals(ZoneId.of("America/New_York"), config.policy().getZone());
        assertEquals(ZoneId.of("Europe/Berlin"), config.product("search").getZone());
        assertEquals(ZoneId.of("America/New_York"), config.product("checkout").getZone());
        // Freezes are Berlin's days: Monday 2026-12-21 00:30 in Berlin is still Sunday in New York.
        assertEquals(1, config.product("search").getSchedule().evaluate(Instant.parse("2026-12-20T23:30:00Z"))
                .freezes().size());
    }

    @Test
    @ConfiguredWithCode("product-zone.yml")
    public void aBlockedBuildIsToldTheNextWindowInTheProductsTime() throws Exception {
        GateClock.set(Clock.fixed(FRIDAY, ZoneOffset.UTC));
        WorkflowJob p = j.createProject(WorkflowJob.class, "search-deploy");
        p.setDefinition(new CpsFlowDefinition("releaseGate product: 'search', stage: 'production'", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.NOT_BUILT, p);
        j.assertLogContains("outside the production window (Mon-Thu 08:00-16:00 Europe/Berlin)", b);
        j.assertLogContains("The next production window opens Mon 2026-11-30 08:00 CET (2026-11-30 07:00 UTC).", b);
        j.assertLogNotContains("EST", b);
    }

    @Test
    @ConfiguredWithCode("product-zone.yml")
    public void theStatusPageShowsEachProductInItsOwnZone() throws Exception {
        GateClock.set(Clock.fixed(FRIDAY, ZoneOffset.UTC));
        JSONObject json = JSONObject.fromObject(j.createWebClient().goTo("release-gate/api/json", "application/json")
                .getWebResponse().getContentAsString());
        JSONArray products = json.getJSONArray("products");
        assertEquals("search", products.getJSONObject(0).getString("name"));
        assertEquals("Europe/Berlin", products.getJSONObject(0).getString("zone"));
        assertEquals("2026-11-30T07:00:00Z", products.getJSONObject(0).getString("nextOpening")); // 08:00 in Berlin
        assertEquals("America/New_York", products.getJSONObject(1).getString("zone"));
        assertEquals("2026-11-30T13:00:00Z", products.getJSONObject(1).getString("nextOpening")); // 08:00 in New York

        String page = j.createWebClient().goTo("release-gate/").getWebResponse().getContentAsString();
        assertTrue(page, page.contains("Mon 2026-11-30 08:00 CET"));
        assertTrue(page, page.contains("Mon 2026-11-30 08:00 EST"));
    }

    @Test
    @ConfiguredWithCode("product-zone.yml")
    public void anAbbreviationIsRefusedAndNothingChanges() throws Exception {
        try {
            ConfigurationAsCode.get().configure(getClass().getResource("product-zone-abbreviation.yml")
                    .toExternalForm());
            fail("a product zone core refuses was applied");
        } catch (ConfiguratorException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("products[0] (search).timeZone: \"CET\" is an "
                    + "abbreviation, not a time zone"));
            assertTrue(e.getMessage(), e.getMessage().contains("Use the IANA id Europe/Paris"));
        }
        assertEquals("Europe/Berlin", ReleaseGateConfiguration.get().getProducts().get(0).getTimeZone());
        assertEquals(2, ReleaseGateConfiguration.get().getProducts().size());
    }

    @Test
    @ConfiguredWithCode("product-zone.yml")
    public void theZoneIsExportedOnlyWhereAProductSetsOne() throws Exception {
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(context).get("releaseGate"));
        assertTrue(exported, exported.contains("timeZone: \"Europe/Berlin\""));
        assertEquals(exported, 1, exported.lines().filter(l -> l.contains("Europe/Berlin")).count());
    }

    @Test
    public void theFormChecksTheZoneAsItIsTyped() throws Exception {
        String berlin = check("Europe/Berlin").getContentAsString();
        assertFalse(berlin, berlin.contains("error") || berlin.contains("warning"));
        String blank = check("").getContentAsString();
        assertTrue(blank, blank.contains("Empty: the policy"));
        String abbreviation = check("CET").getContentAsString();
        assertTrue(abbreviation, abbreviation.contains("error"));
        assertTrue(abbreviation, abbreviation.contains("Use the IANA id Europe/Paris"));
        String unknown = check("Europe/Atlantis").getContentAsString();
        assertTrue(unknown, unknown.contains("Unknown time zone"));
        assertFalse(check("UTC").getContentAsString().contains("error"));
    }

    private WebResponse check(String value) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        String url = PRODUCT + "checkTimeZone?value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST)).getWebResponse();
    }
}
