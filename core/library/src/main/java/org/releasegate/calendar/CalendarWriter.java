package org.releasegate.calendar;

import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Writes calendar events as an iCalendar file (RFC 5545). The implementation is the iCalendar library's
 * ({@code core/ical}), found with {@link ServiceLoader}: the library stays free of it, and the plugin and the command
 * line write the same file.
 */
public interface CalendarWriter {
    /**
     * @param name the calendar's name, such as {@code checkout releases}
     * @param events what to write, in order
     * @param stamp when the file is written (every event's DTSTAMP): an input, never read from a clock here
     * @return the file's text, lines ending CRLF as RFC 5545 asks
     */
    String write(String name, List<CalendarEvent> events, Instant stamp);

    /** The writer on the class path of this interface. */
    static CalendarWriter load() {
        return ServiceLoader.load(CalendarWriter.class, CalendarWriter.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No iCalendar writer is installed: the "
                        + "release-gate-ical module (with ical4j) must be on the class path"));
    }
}
