package org.releasegate.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One production window: on some days of the week, from a start time to an end time on the wall clock of a zone.
 * An end at or before the start crosses midnight and belongs to the start day ({@code Fri 22:00-02:00} is Friday 22:00
 * to Saturday 02:00). An instant is inside when its wall-clock date and time fall within, start inclusive, end exclusive.
 */
public final class ProductionWindow {
    static final int MINUTES_PER_DAY = 24 * 60;

    private final Set<DayOfWeek> days;
    private final String daysText;
    private final int startMinute;
    private final int endMinute;
    private final ZoneId zone;

    ProductionWindow(Set<DayOfWeek> days, String daysText, int startMinute, int endMinute, ZoneId zone) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one day");
        }
        if (startMinute < 0 || startMinute >= MINUTES_PER_DAY || endMinute <= 0 || endMinute > MINUTES_PER_DAY
                || startMinute == endMinute) {
            throw new IllegalArgumentException("bad window times " + startMinute + "-" + endMinute);
        }
        this.days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        this.daysText = daysText;
        this.startMinute = startMinute;
        this.endMinute = endMinute;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads one window, such as {@code Mon-Thu 08:00-16:00 America/New_York}; the zone falls back to {@code defaultZone}. */
    public static ProductionWindow parse(String text, ZoneId defaultZone) {
        return new WindowSpecParser(text, defaultZone).window();
    }

    public Set<DayOfWeek> getDays() {
        return days;
    }

    public ZoneId getZone() {
        return zone;
    }

    /** Minutes after local midnight at which the window opens. */
    public int getStartMinute() {
        return startMinute;
    }

    /** Minutes after local midnight at which the window closes; at or before the start, on the next day. */
    public int getEndMinute() {
        return endMinute;
    }

    public boolean crossesMidnight() {
        return endMinute < startMinute;
    }

    /** Whether this window opens on {@code date}. */
    public boolean opensOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    /** Local start of the occurrence that opens on {@code date}. */
    LocalDateTime startOn(LocalDate date) {
        return date.atStartOfDay().plusMinutes(startMinute);
    }

    /** Local end (exclusive) of the occurrence that opens on {@code date}. */
    LocalDateTime endOn(LocalDate date) {
        return (crossesMidnight() ? date.plusDays(1) : date).atStartOfDay().plusMinutes(endMinute);
    }

    /** The definition: the wall-clock time falls within an occurrence that opened that day or the day before. */
    public boolean contains(LocalDateTime local) {
        LocalDate day = local.toLocalDate();
        return containsIn(day, local) || containsIn(day.minusDays(1), local);
    }

    private boolean containsIn(LocalDate opening, LocalDateTime local) {
        return opensOn(opening) && !local.isBefore(startOn(opening)) && local.isBefore(endOn(opening));
    }

    /** As written, in canonical form: {@code Mon-Thu 08:00-16:00 America/New_York}. */
    @Override
    public String toString() {
        return daysText + " " + clock(startMinute) + "-" + clock(endMinute) + " " + zone.getId();
    }

    static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProductionWindow w && days.equals(w.days) && startMinute == w.startMinute
                && endMinute == w.endMinute && zone.equals(w.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, startMinute, endMinute, zone);
    }
}
