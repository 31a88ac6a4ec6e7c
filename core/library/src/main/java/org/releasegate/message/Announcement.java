package org.releasegate.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * One event for one channel, with the product whose zone its times are read in.
 *
 * @param event what happened
 * @param product the product whose channel hears of it
 * @param channel that product's channel
 */
public record Announcement(LedgerEvent event, ProductPolicy product, String channel) {
    /**
     * Every channel each event goes to, events in the order given. An event on every product (a hold on all of them)
     * goes to each product's channel, once per channel; products without a channel hear nothing.
     */
    public static List<Announcement> of(List<LedgerEvent> events, List<ProductPolicy> products) {
        List<Announcement> out = new ArrayList<>();
        for (LedgerEvent event : events) {
            Map<String, Announcement> byChannel = new LinkedHashMap<>();
            for (ProductPolicy p : products) {
                boolean concerned = event.product().map(p.getName()::equals).orElse(true);
                p.getSlackChannel().filter(c -> concerned).ifPresent(channel ->
                        byChannel.putIfAbsent(ChannelName.key(channel), new Announcement(event, p, channel)));
            }
            out.addAll(byChannel.values());
        }
        return out;
    }

    /** The build the event is about, whose job's credentials apply to the post. */
    public Optional<BuildRef> build() {
        if (event instanceof LedgerEvent.RcStarted e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.RcSuperseded e) {
            return Optional.of(e.newer().getBuild());
        }
        if (event instanceof LedgerEvent.Blocked e) {
            return e.build().flatMap(Announcement::parse);
        }
        if (event instanceof LedgerEvent.ExceptionUsed e) {
            return parse(e.build());
        }
        if (event instanceof LedgerEvent.RcFailed e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.RcPromoted e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.RcRejected e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.HandedOver e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.RcStale e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.RcExpired e) {
            return Optional.of(e.rc().getBuild());
        }
        if (event instanceof LedgerEvent.StillRunning e) {
            return Optional.of(e.build());
        }
        return Optional.empty(); // holds concern a product, not a build
    }

    private static Optional<BuildRef> parse(String build) {
        try {
            return Optional.of(BuildRef.parse(build));
        } catch (PolicyException e) {
            return Optional.empty();
        }
    }
}
