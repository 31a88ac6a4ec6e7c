package org.releasegate.ical;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.releasegate.calendar.CalendarEvent;
import org.releasegate.calendar.CalendarWriter;

/**
 * The release calendar through ical4j: a VTIMEZONE from ical4j's bundled definitions for each zone used (updates from
 * the network are off in {@code ical4j.properties}, so the file depends on nothing but its input), timed events in
 * their zone, all-day events as dates.
 */
public final class Ical4jCalendarWriter implements CalendarWriter {
    static final String PRODUCT_ID = "-//Release Gate//Release calendar//EN";

    @Override
    public String write(String name, List<CalendarEvent> events, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Map<String, TimeZone> zones = new LinkedHashMap<>();
        for (CalendarEvent e : events) {
            if (e instanceof CalendarEvent.Timed t) {
                zones.computeIfAbsent(t.zone().getId(), id -> zone(registry, t.zone()));
            }
        }
        zones.values().forEach(z -> calendar.add(z.getVTimeZone()));
        DtStamp dtStamp = new DtStamp(stamp);
        for (CalendarEvent e : events) {
            VEvent event;
            if (e instanceof CalendarEvent.Timed t) {
                event = new VEvent(t.start().atZone(t.zone()), t.end().atZone(t.zone()), t.summary());
            } else {
                CalendarEvent.AllDay d = (CalendarEvent.AllDay) e;
                event = new VEvent(d.first(), d.last().plusDays(1), d.summary());
            }
            event.replace(dtStamp);
            event.add(new Uid(e.uid()));
            event.add(new Description(e.description()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static TimeZone zone(TimeZoneRegistry registry, ZoneId zone) {
        TimeZone tz = registry.getTimeZone(zone.getId());
        if (tz == null) {
            throw new IllegalArgumentException("ical4j has no time zone definition for " + zone.getId()
                    + ": use an IANA region such as America/New_York");
        }
        return tz;
    }
}
