package org.releasegate.message;

import static org.junit.Assert.assertEquals;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.rcBuild;

import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.ProductPolicy;

public class AnnouncementTest {
    private final ProductPolicy checkout = ProductPolicy.builder("checkout").slackChannel("#Checkout").build();
    private final ProductPolicy cart = ProductPolicy.builder("cart").slackChannel("checkout").build();
    private final ProductPolicy search = ProductPolicy.builder("search").slackChannel("#search").build();
    private final ProductPolicy quiet = ProductPolicy.builder("quiet").build();
    private final List<ProductPolicy> products = List.of(checkout, cart, search, quiet);

    @Test
    public void aProductEventGoesToItsChannelOnly() {
        LedgerEvent started = new LedgerEvent.RcStarted(inFlight(41, CAROL, THURSDAY_10AM));
        List<Announcement> out = Announcement.of(List.of(started), products);
        assertEquals(List.of("#Checkout"), out.stream().map(Announcement::channel).toList());
        assertEquals(Optional.of(rcBuild(41)), out.get(0).build());
    }

    @Test
    public void aHoldOnEveryProductGoesOnceToEachChannel() {
        Hold all = new Hold("hold-1", Optional.empty(), CAROL, "incident", THURSDAY_10AM, Optional.empty());
        List<Announcement> out = Announcement.of(List.of(new LedgerEvent.HoldPlaced(all)), products);
        // #Checkout and checkout are one channel; a product without a channel hears nothing.
        assertEquals(List.of("#Checkout", "#search"), out.stream().map(Announcement::channel).toList());
        assertEquals(Optional.empty(), out.get(0).build());
    }

    @Test
    public void channelNamesReadTheSameHoweverWritten() {
        assertEquals(ChannelName.key("#Checkout"), ChannelName.key(" checkout "));
        assertEquals("#checkout", ChannelName.display("checkout"));
        assertEquals("@U123", ChannelName.display("@U123"));
    }
}
