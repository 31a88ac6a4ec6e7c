package io.jenkins.plugins.releasegate.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.releasegate.GateClock;
import java.io.File;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** Manage Jenkins > System > Release Gate, as an admin uses it. */
public class ConfigurationFormTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void aRoundtripKeepsEverySetting() throws Exception {
        ReleaseGateConfiguration config = ReleaseGateConfiguration.get();
        config.setTimeZone("Europe/London");
        config.setProducts(List.of(everySetting(), onlyJobs("docs", "docs/**")));
        String before = describe(config);

        j.configRoundtrip();

        assertEquals(before, describe(ReleaseGateConfiguration.get()));
        // The settings added since the first form (runway, the product's own zone) bind too, not only the old ones.
        assertTrue(before, before.contains("runway=45m timeZone=Europe/Berlin"));
    }

    @Test
    public void aBadWindowShowsCoresMessageAndChangesNothing() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        String before = describe(ReleaseGateConfiguration.get());
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getTextAreaByName("_.productionWindows").setText("Mon-Thu 8-16");

        wc.setThrowExceptionOnFailingStatusCode(false);
        HtmlPage result = j.submit(form);

        String text = result.asNormalizedText();
        assertTrue(text, text.contains("expected HH:MM at column 9"));
        assertTrue(text, text.contains("productionWindows"));
        assertEquals(before, describe(ReleaseGateConfiguration.get()));
    }

    @Test
    public void eachSavedProductSaysWhetherProductionIsOpenNow() throws Exception {
        GateClock.set(Clock.fixed(Instant.parse("2026-11-27T15:00:00Z"), ZoneOffset.UTC)); // Friday 10:00 EST
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        String text = j.createWebClient().goTo("configure").asNormalizedText();
        assertTrue(text, text.contains("Production is closed now (outside the production windows); it next opens "
                + "Mon 2026-11-30 08:00 EST (2026-11-30 13:00 UTC)."));
    }

    @Test
    public void aProductSavedWithoutANameStillRendersAndSaysWhy() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        File xml = new File(j.jenkins.getRootDir(), ReleaseGateConfiguration.class.getName() + ".xml");
        String saved = Files.readString(xml.toPath());
        assertTrue(saved, saved.contains("<name>checkout</name>"));
        Files.writeString(xml.toPath(), saved.replace("<name>checkout</name>", "")); // a hand edit
        ReleaseGateConfiguration.get().load();
        assertEquals("", ReleaseGateConfiguration.get().getProducts().get(0).getName());

        String text = j.createWebClient().goTo("configure").asNormalizedText(); // no NullPointerException: a 200
        assertTrue(text, text.contains("products[0].name: A product needs a name (such as checkout)"));
    }

    @Test
    public void aProductWithoutANameIsRefusedByName() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        String before = describe(ReleaseGateConfiguration.get());
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.name").setValue("  ");

        wc.setThrowExceptionOnFailingStatusCode(false);
        String text = j.submit(form).asNormalizedText();

        assertTrue(text, text.contains("products[0].name: A product needs a name (such as checkout)"));
        assertEquals(before, describe(ReleaseGateConfiguration.get()));
    }

    @Test
    public void anEmptyWindowIsSavedAsNeverAndShownSo() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getTextAreaByName("_.productionWindows").setText("");
        j.submit(form);

        ProductConfig checkout = ReleaseGateConfiguration.get().getProducts().get(0);
        assertEquals("never", checkout.getProductionWindows());
        assertTrue(ReleaseGateConfiguration.get().product("checkout").getSchedule().getWindows().isEmpty());
        assertEquals("never", wc.goTo("configure").getFormByName("config")
                .getTextAreaByName("_.productionWindows").getText());
    }

    @Test
    public void neverTypedInTheFormMeansNoWindow() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(onlyJobs("checkout", "checkout/**")));
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getTextAreaByName("_.productionWindows").setText("Never");
        j.submit(form);

        assertEquals("Never", ReleaseGateConfiguration.get().getProducts().get(0).getProductionWindows());
        assertTrue(ReleaseGateConfiguration.get().product("checkout").getSchedule().getWindows().isEmpty());
    }

    @Test
    public void aProductSavedWithABlankWindowIsReadAsNever() throws Exception {
        ProductConfig checkout = onlyJobs("checkout", "checkout/**");
        checkout.setProductionWindows("Mon 08:00-09:00");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        File xml = new File(j.jenkins.getRootDir(), ReleaseGateConfiguration.class.getName() + ".xml");
        String saved = Files.readString(xml.toPath());
        Files.writeString(xml.toPath(), saved.replace("<productionWindows>Mon 08:00-09:00</productionWindows>",
                "<productionWindows></productionWindows>")); // as versions before "never" saved it
        ReleaseGateConfiguration.get().load();
        assertEquals("never", ReleaseGateConfiguration.get().getProducts().get(0).getProductionWindows());
        assertTrue(ReleaseGateConfiguration.get().product("checkout").getSchedule().getWindows().isEmpty());
    }

    static ProductConfig everySetting() {
        ProductConfig p = new ProductConfig("payments");
        p.setJobs("payments/release-candidate, payments/deploy-production");
        p.setProductionWindows("Mon-Fri 10:00-15:00; Sat 10:00-12:00 Europe/Berlin");
        p.setFreezes(List.of("2026-11-26 Thanksgiving", "2026-12-21..2027-01-04 Holiday freeze"));
        p.setSlackChannel("#payments");
        p.setRcMaxAge("36h");
        p.setDefaultReleaseManager("alice");
        p.setUnstableRc("FAILED");
        p.setBlockedResult("FAILURE");
        p.setReleasesWithoutRc(true);
        p.setRunway("45m");
        p.setTimeZone("Europe/Berlin");
        p.setExceptions(List.of(new ExceptionRule("URGENT_DELIVERY", "WINDOW"),
                new ExceptionRule("PRODUCTION_DOWN", "WINDOW, FREEZE")));
        return p;
    }

    static ProductConfig onlyJobs(String name, String jobs) {
        ProductConfig p = new ProductConfig(name);
        p.setJobs(jobs);
        return p;
    }

    /** Every field, so that a lost or altered one shows in the assertion message. */
    static String describe(ReleaseGateConfiguration config) {
        StringBuilder b = new StringBuilder("timeZone=").append(config.getTimeZone());
        for (ProductConfig p : config.getProducts()) {
            b.append("\nname=").append(p.getName())
                    .append(" jobs=").append(p.getJobs())
                    .append(" productionWindows=").append(p.getProductionWindows())
                    .append(" freezes=").append(p.getFreezes())
                    .append(" slackChannel=").append(p.getSlackChannel())
                    .append(" rcMaxAge=").append(p.getRcMaxAge())
                    .append(" defaultReleaseManager=").append(p.getDefaultReleaseManager())
                    .append(" unstableRc=").append(p.getUnstableRc())
                    .append(" blockedResult=").append(p.getBlockedResult())
                    .append(" releasesWithoutRc=").append(p.isReleasesWithoutRc())
                    .append(" runway=").append(p.getRunway())
                    .append(" timeZone=").append(p.getTimeZone());
            for (ExceptionRule e : p.getExceptions()) {
                b.append(" exception=").append(e.getCategory()).append(':').append(e.getLifts());
            }
        }
        return b.toString();
    }
}
