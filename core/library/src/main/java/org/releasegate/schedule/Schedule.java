package org.releasegate.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's production schedule: its windows, and its freezes in the policy's zone. Everything here is a pure
 * function of the schedule and the instant given: nothing reads a clock.
 */
public final class Schedule {
    private final WindowSpec windows;
    private final List<Freeze> freezes;
    private final ZoneId zone;
    private final List<Span> frozen;
    private final LocalDate lastFrozenDay;

    public Schedule(WindowSpec windows, List<Freeze> freezes, ZoneId zone) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.freezes = List.copyOf(freezes);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.frozen = frozenSpans(this.freezes, zone);
        this.lastFrozenDay = this.freezes.stream().map(Freeze::getLast).max(Comparator.naturalOrder()).orElse(null);
    }

    /** The default: {@code Mon-Thu 08:00-16:00 America/New_York}, no freeze. */
    public static Schedule defaultSchedule() {
        return new Schedule(WindowSpec.parse("Mon-Thu 08:00-16:00", TimeZones.DEFAULT), List.of(), TimeZones.DEFAULT);
    }

    private static List<Span> frozenSpans(List<Freeze> freezes, ZoneId zone) {
        List<Span> spans = new ArrayList<>();
        for (Freeze f : freezes) {
            spans.addAll(Span.ofLocal(zone.getRules(), f.getFirst().atStartOfDay(), f.getLast().plusDays(1).atStartOfDay()));
        }
        spans.sort(Comparator.comparingLong(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span s : spans) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return List.copyOf(merged);
    }

    public WindowSpec getWindows() {
        return windows;
    }

    public List<Freeze> getFreezes() {
        return freezes;
    }

    /** The policy's zone, in which freezes are read and times are shown. */
    public ZoneId getZone() {
        return zone;
    }

    /** The first window whose wall clock contains {@code instant}, freezes aside. */
    public Optional<ProductionWindow> windowAt(Instant instant) {
        for (ProductionWindow w : windows.getWindows()) {
            if (w.contains(instant.atZone(w.getZone()).toLocalDateTime())) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** The freezes covering the instant's date in the policy's zone. */
    public List<Freeze> freezesAt(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        List<Freeze> out = new ArrayList<>(0);
        for (Freeze f : freezes) {
            if (f.covers(date)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The definition itself: inside a window and in no freeze. */
    public boolean isOpen(Instant instant) {
        return windowAt(instant).isPresent() && freezesAt(instant).isEmpty();
    }

    /**
     * The periods in which production is open, in order, from the one containing {@code from} (if any) on. Computed
     * from the rules, a day at a time; a period already open at {@code from} shows the opening found within the week
     * before it. Bounded, so a search for a period that never comes ends: only periods opening within 16 days of
     * {@code from} (or of the last freeze, when later) are walked; to list further, walk again from the last close.
     */
    public Iterator<OpenPeriod> openPeriods(Instant from) {
        return new OpenPeriods(this, from);
    }

    /** Open or closed at {@code instant}, every reason it is closed, and when that next changes. No runway. */
    public WindowStatus evaluate(Instant instant) {
        return evaluate(instant, Duration.ZERO);
    }

    /**
     * As {@link #evaluate(Instant)}, for a release that needs production open for {@code runway} after it starts.
     * Computed from the open periods' edges, never by stepping: the latest start is the period's close minus the
     * runway, and the next opening is the start of the first period (or the rest of the current one) at least the
     * runway long. Periods shorter than the runway are skipped.
     */
    public WindowStatus evaluate(Instant instant, Duration runway) {
        if (runway.isNegative()) {
            throw new IllegalArgumentException("negative runway " + runway);
        }
        Iterator<OpenPeriod> periods = openPeriods(instant);
        OpenPeriod first = periods.hasNext() ? periods.next() : null;
        boolean open = first != null && first.contains(instant);
        Optional<Instant> closesAt = open ? first.closes() : Optional.empty();
        Optional<Instant> lastStart = closesAt.map(c -> c.minus(runway));
        boolean fits = open && lastStart.map(last -> !instant.isAfter(last)).orElse(true);
        Optional<Instant> next = Optional.empty();
        if (!fits) {
            OpenPeriod p = open ? (periods.hasNext() ? periods.next() : null) : first;
            while (p != null && next.isEmpty()) {
                Instant start = p.opens().isAfter(instant) ? p.opens() : instant;
                if (p.closes().map(c -> Duration.between(start, c).compareTo(runway) >= 0).orElse(true)) {
                    next = Optional.of(start);
                } else {
                    p = periods.hasNext() ? periods.next() : null;
                }
            }
        }
        Optional<ProductionWindow> window = windowAt(instant);
        return new WindowStatus(instant, open, window, window.isEmpty(), freezesAt(instant), closesAt, next, runway,
                lastStart);
    }

    /** How much of {@code [from, to)} falls inside freezes (overlapping freezes count once). */
    public Duration frozenBetween(Instant from, Instant to) {
        long a = from.getEpochSecond();
        long b = to.getEpochSecond();
        long seconds = 0;
        for (Span f : frozen) {
            seconds += Math.max(0, Math.min(b, f.end()) - Math.max(a, f.start()));
        }
        return Duration.ofSeconds(seconds);
    }

    List<Span> frozen() {
        return frozen;
    }

    Optional<LocalDate> lastFrozenDay() {
        return Optional.ofNullable(lastFrozenDay);
    }
}
