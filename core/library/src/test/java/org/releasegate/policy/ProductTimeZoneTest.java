package org.releasegate.policy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.FRIDAY_10AM;
import static org.releasegate.Fixtures.NY;
import static org.releasegate.Fixtures.production;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.Fixtures;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.Reason;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.message.SlackMessages;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.SpecException;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WeekView;
import org.releasegate.schedule.WindowSpec;

/**
 * A product in its own time zone: its windows default to it, its freezes are read in it, and the people reading its
 * messages read their own clock. At {@link Fixtures#FRIDAY_10AM} it is 16:00 in Berlin; Berlin's next Monday 08:00 is
 * 02:00 in New York.
 */
public class ProductTimeZoneTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A product read as the policy readers read one: its windows and freezes in its own zone. */
    private static ProductPolicy search(ZoneId zone, String windows, String... freezes) {
        return ProductPolicy.builder("search").zone(zone).windows(WindowSpec.parse(windows, zone))
                .jobs(JobPattern.parseAll("checkout/deploy-production")).releasesWithoutRc(true)
                .freezes(List.of(freezes).stream().map(Freeze::parse).toList()).build();
    }

    private static GateDecision productionAt(ProductPolicy product, Instant at) {
        return ReleaseGate.decide(product, production(7, Fixtures.ALICE).build(), LedgerSnapshot.empty("search"), at);
    }

    @Test
    public void aBlankProductZoneIsThePolicys() {
        assertEquals(NY, TimeZones.parseOr(null, NY));
        assertEquals(NY, TimeZones.parseOr("", NY));
        assertEquals(NY, TimeZones.parseOr("  ", NY));
        assertEquals(BERLIN, TimeZones.parseOr(" Europe/Berlin ", NY));
        assertEquals(ZoneId.of("UTC"), TimeZones.parseOr("UTC", BERLIN));
    }

    @Test
    public void aProductZoneIsReadAsStrictlyAsThePolicys() {
        SpecException abbreviation = assertThrows(SpecException.class, () -> TimeZones.parseOr("CET", NY));
        assertEquals("\"CET\" is an abbreviation, not a time zone: Java reads it as a fixed offset that ignores "
                + "daylight saving. Use the IANA id Europe/Paris", abbreviation.getMessage());
        SpecException offset = assertThrows(SpecException.class, () -> TimeZones.parseOr("+01:00", NY));
        assertTrue(offset.getMessage(), offset.getMessage().startsWith("\"+01:00\" is not an IANA time zone id"));
        SpecException unknown = assertThrows(SpecException.class, () -> TimeZones.parseOr("Europe/Atlantis", NY));
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith("Unknown time zone \"Europe/Atlantis\""));
    }

    @Test
    public void aBerlinProductIsToldItsNextWindowInBerlinTime() {
        ProductPolicy berlin = search(BERLIN, "Mon-Thu 08:00-16:00");
        GateDecision d = productionAt(berlin, FRIDAY_10AM);
        assertFalse(d.isAllowed());
        assertEquals(Optional.of(Instant.parse("2026-11-30T07:00:00Z")), d.window().nextOpening());
        String console = ConsoleMessage.render(d, berlin.getZone());
        assertEquals(List.of(Reason.Code.OUTSIDE_WINDOW), d.reasons().stream()
                .map(Reason::code).toList());
        assertTrue(console, console.contains("The next production window opens Mon 2026-11-30 08:00 CET (2026-11-30 "
                + "07:00 UTC)."));
        assertFalse(console, console.contains("EST"));

        String slack = SlackMessages.plain(berlin.getZone())
                .render(new LedgerEvent.Blocked(d, Optional.of("search/deploy#7")), FRIDAY_10AM).orElseThrow().text();
        assertTrue(slack, slack.contains("Mon 2026-11-30 08:00 CET"));
        assertFalse(slack, slack.contains("EST"));
    }

    @Test
    public void theSameWindowsInNewYorkOpenAtNewYorksEight() {
        ProductPolicy ny = search(NY, "Mon-Thu 08:00-16:00");
        GateDecision d = productionAt(ny, FRIDAY_10AM);
        assertEquals(Optional.of(Instant.parse("2026-11-30T13:00:00Z")), d.window().nextOpening());
        assertTrue(ConsoleMessage.render(d, ny.getZone()).contains("opens Mon 2026-11-30 08:00 EST ("));
    }

    @Test
    public void windowsWithoutAZoneOfTheirOwnTakeTheProducts() {
        Instant berlinMondayEightThirty = Instant.parse("2026-11-30T07:30:00Z"); // 02:30 in New York
        assertTrue(ProductPolicy.builder("search").zone(BERLIN).build().getSchedule()
                .evaluate(berlinMondayEightThirty).open());
        assertFalse(ProductPolicy.builder("search").zone(NY).build().getSchedule()
                .evaluate(berlinMondayEightThirty).open());
        assertEquals(BERLIN, ProductPolicy.builder("search").zone(BERLIN).build().getZone());
    }

    @Test
    public void freezesAreReadInTheProductsZone() {
        Instant berlinMidnightThirty = Instant.parse("2026-12-20T23:30:00Z"); // Mon 21 Dec 00:30 in Berlin
        String freeze = "2026-12-21..2027-01-04 Holiday freeze";
        assertEquals(1, search(BERLIN, "Mon-Sun 00:00-24:00", freeze).getSchedule().evaluate(berlinMidnightThirty)
                .freezes().size());
        assertEquals(0, search(NY, "Mon-Sun 00:00-24:00", freeze).getSchedule().evaluate(berlinMidnightThirty)
                .freezes().size());
    }

    @Test
    public void theWeekPictureIsDrawnInTheProductsZone() {
        ProductPolicy berlin = search(BERLIN, "Mon-Thu 08:00-16:00");
        WeekView week = WeekView.of(berlin.getSchedule(), FRIDAY_10AM, berlin.getZone());
        assertEquals(BERLIN, week.zone());
    }

    @Test
    public void thePolicyKeepsItsOwnZoneBesideAProductsOwn() {
        ReleasePolicy policy = new ReleasePolicy(NY, List.of(search(BERLIN, "Mon-Thu 08:00-16:00")));
        assertEquals(NY, policy.getZone());
        assertEquals(BERLIN, policy.product("search").getZone());
    }
}
