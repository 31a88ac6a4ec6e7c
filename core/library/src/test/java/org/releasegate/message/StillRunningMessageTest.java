package org.releasegate.message;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/** A production release still running after the window closed: the console line, the channel's message. */
public class StillRunningMessageTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Instant CLOSED = Instant.parse("2026-11-26T21:00:00Z"); // Thu 16:00 EST
    private static final BuildRef BUILD = new BuildRef("checkout/deploy-production", 57);
    private final LedgerEvent.StillRunning event = new LedgerEvent.StillRunning("checkout", BUILD, CLOSED);

    @Test
    public void theConsoleSaysItOnce() {
        assertEquals("Release Gate: production release checkout #57 is still running after the window closed at "
                + "16:00 EST. It is not stopped; the product's channel has been told.",
                ConsoleMessage.stillRunning("checkout", 57, CLOSED, NY));
        assertEquals("17:00 EDT", ConsoleMessage.clock(Instant.parse("2026-07-09T21:00:00Z"), NY));
    }

    @Test
    public void theChannelHearsIt() {
        SlackMessage m = SlackMessages.plain(NY).render(event, CLOSED.plusSeconds(1)).orElseThrow();
        assertEquals(":alarm_clock: Production release checkout/deploy-production#57 of *checkout* is still running "
                + "after the window closed at 16:00 EST. It is not stopped; its release manager should watch it to the "
                + "end and post here how it went.", m.text());
        assertEquals("warning", m.color());
    }

    @Test
    public void itGoesToTheProductsChannelAboutItsBuild() {
        ProductPolicy checkout = ProductPolicy.builder("checkout").slackChannel("#checkout").build();
        ProductPolicy search = ProductPolicy.builder("search").slackChannel("#search").build();
        List<Announcement> out = Announcement.of(List.of(event), List.of(checkout, search));
        assertEquals(1, out.size());
        assertEquals("#checkout", out.get(0).channel());
        assertEquals(Optional.of(BUILD), out.get(0).build());
        assertEquals(Optional.of("checkout"), event.product());
    }
}
