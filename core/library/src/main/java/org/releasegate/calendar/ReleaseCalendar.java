package org.releasegate.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.releasegate.hold.Hold;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.message.Times;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.OpenPeriod;
import org.releasegate.schedule.Runway;

/**
 * A product's production windows as calendar events: one for each open stretch (freezes already cut out, the runway's
 * cut-off in the description), one all-day event for each freeze, and one for each hold standing. The words and UIDs
 * are decided here; an {@link CalendarWriter} only writes them.
 */
public final class ReleaseCalendar {
    /** The domain of every UID, so that they never collide with another tool's. */
    static final String DOMAIN = "release-gate";

    private ReleaseCalendar() {
    }

    /** The events of {@code product} in {@code range}, in order: open stretches, then freezes. */
    public static List<CalendarEvent> events(ProductPolicy product, CalendarRange range) {
        ZoneId zone = product.getZone();
        Instant start = range.start(zone);
        Instant end = range.end(zone);
        List<CalendarEvent> events = new ArrayList<>();
        for (Iterator<OpenPeriod> it = product.getSchedule().openPeriods(start); it.hasNext(); ) {
            OpenPeriod p = it.next();
            if (!p.opens().isBefore(end)) {
                break;
            }
            events.add(open(product, p, end));
        }
        for (Freeze f : product.getSchedule().getFreezes()) {
            if (!f.getLast().isBefore(range.from()) && !f.getFirst().isAfter(range.to())) {
                events.add(new CalendarEvent.AllDay(uid(product.getName(), "freeze-" + f.getFirst() + "-" + f.getLast()
                        + "-" + Integer.toHexString(f.getReason().hashCode())),
                        product.getName() + ": " + f.getReason() + ", no production releases",
                        "Production of " + product.getName() + " is frozen from " + f.getFirst() + " to " + f.getLast()
                                + " (" + zone.getId() + "): " + f.getReason() + ". Only an urgent exception may release.",
                        f.getFirst(), f.getLast()));
            }
        }
        return events;
    }

    /**
     * A hold standing on the product, from when it was placed until it expires or, if it never does, the end of the
     * range. Empty when it does not stand within the range.
     */
    public static List<CalendarEvent> hold(ProductPolicy product, Hold hold, CalendarRange range) {
        ZoneId zone = product.getZone();
        Instant end = hold.expiresAt().filter(x -> x.isBefore(range.end(zone))).orElse(range.end(zone));
        if (!hold.placedAt().isBefore(end) || !end.isAfter(range.start(zone))) {
            return List.of();
        }
        return List.of(new CalendarEvent.Timed(uid(product.getName(), "hold-" + hold.id()),
                product.getName() + ": hold by " + hold.author().displayName() + ", no releases",
                hold.reason() + ". Placed " + Times.local(hold.placedAt(), zone) + " by " + hold.author().displayName()
                        + hold.expiresAt().map(x -> "; expires " + Times.local(x, zone)).orElse("; until lifted")
                        + ". No release candidate and no production release of " + product.getName()
                        + " while it stands.",
                hold.placedAt(), end, zone));
    }

    private static CalendarEvent open(ProductPolicy product, OpenPeriod p, Instant rangeEnd) {
        ZoneId zone = product.getZone();
        Duration runway = product.getRunway();
        StringBuilder description = new StringBuilder("Production releases of ").append(product.getName())
                .append(" may happen");
        if (p.closes().isEmpty()) {
            description.append(" from ").append(Times.local(p.opens(), zone)).append(" on: production does not close.");
        } else {
            Instant closes = p.closes().get();
            description.append(" until production closes at ").append(Times.local(closes, zone)).append('.');
            if (!runway.isZero()) {
                Instant last = closes.minus(runway);
                description.append(last.isBefore(p.opens())
                        ? " This stretch is shorter than the runway (" + Runway.words(runway) + "): no production "
                                + "release may start in it."
                        : " Cut-off: a production release needs " + Runway.words(runway) + ", so the last start is "
                                + ConsoleMessage.clock(last, zone) + ".");
            }
        }
        Instant end = p.closes().orElse(rangeEnd);
        return new CalendarEvent.Timed(uid(product.getName(), "open-" + p.opens().getEpochSecond()),
                product.getName() + ": production open", description.toString(), p.opens(), end, zone);
    }

    /** {@code checkout-open-1764162000@release-gate}: product, what, and its identity. */
    static String uid(String product, String what) {
        return product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + what + "@" + DOMAIN;
    }

    /** The file name a download or the command line suggests: {@code checkout-releases.ics}. */
    public static String fileName(String product) {
        return (product == null ? "all-products" : product.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                + "-releases.ics";
    }

    /** The first day of a range that starts today in the zone. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }
}
