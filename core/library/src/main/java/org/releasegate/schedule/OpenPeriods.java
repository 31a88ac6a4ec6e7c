package org.releasegate.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Walks a schedule's open periods forward, a local day at a time: each window occurrence of the day becomes instants
 * (around daylight saving too), freezes are cut out, and touching pieces are joined. Whole frozen stretches are jumped.
 */
final class OpenPeriods implements Iterator<OpenPeriod> {
    private static final long DAY = 24 * 60 * 60;
    /** Open this long after the last freeze without a break: open for good. Two weeks, so one DST change cannot fool it. */
    private static final long FOREVER = 16 * DAY;
    /** A period open at the start shows its opening if it happened within this many days. */
    private static final int LOOK_BACK_DAYS = 7;
    /** With no window left to find this long after the start and the last freeze, there is none. */
    private static final int HORIZON_DAYS = 16;

    private final Schedule schedule;
    private final long from;
    private final long frozenUntil;
    private final LocalDate horizon;
    private final PriorityQueue<Span> pending = new PriorityQueue<>(Comparator.comparingLong(Span::start));
    private LocalDate day;
    private OpenPeriod next;
    private boolean done;

    OpenPeriods(Schedule schedule, Instant from) {
        this.schedule = schedule;
        this.from = from.getEpochSecond();
        List<Span> frozen = schedule.frozen();
        this.frozenUntil = frozen.isEmpty() ? Long.MIN_VALUE : frozen.get(frozen.size() - 1).end();
        LocalDate start = LocalDateTime.ofEpochSecond(this.from, 0, ZoneOffset.MAX).toLocalDate();
        this.day = start.minusDays(LOOK_BACK_DAYS);
        LocalDate last = schedule.lastFrozenDay().filter(start::isBefore).orElse(start);
        this.horizon = last.plusDays(HORIZON_DAYS);
        this.done = schedule.getWindows().isEmpty();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance(); // once past the horizon with nothing pending, it answers null again at once
        }
        return next != null;
    }

    @Override
    public OpenPeriod next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        OpenPeriod result = next;
        next = null;
        // After a period that never closes there is nothing more.
        done = result.closes().isEmpty();
        return result;
    }

    private OpenPeriod advance() {
        while (true) {
            // A piece is final once no day still to come can start before it.
            while ((pending.isEmpty() || earliestStart(day) <= pending.peek().start()) && !day.isAfter(horizon)) {
                generate();
            }
            if (pending.isEmpty()) {
                return null;
            }
            Span first = pending.poll();
            long start = first.start();
            long end = first.end();
            while (true) {
                while (earliestStart(day) <= end) {
                    if (end - Math.max(start, frozenUntil) > FOREVER) {
                        return new OpenPeriod(Instant.ofEpochSecond(start), Optional.empty());
                    }
                    generate();
                }
                if (!pending.isEmpty() && pending.peek().start() <= end) {
                    end = Math.max(end, pending.poll().end());
                } else {
                    break;
                }
            }
            if (end > from) {
                return new OpenPeriod(Instant.ofEpochSecond(start), Optional.of(Instant.ofEpochSecond(end)));
            }
        }
    }

    /** No occurrence opening on {@code date}, in any zone, starts before this. */
    private static long earliestStart(LocalDate date) {
        return date.atStartOfDay().toEpochSecond(ZoneOffset.MAX);
    }

    /** No occurrence opening on {@code date}, in any zone, ends after this. */
    private static long latestEnd(LocalDate date) {
        return date.plusDays(2).atStartOfDay().toEpochSecond(ZoneOffset.MIN);
    }

    private void generate() {
        Span freeze = freezeAt(earliestStart(day));
        if (freeze != null && freeze.end() >= latestEnd(day)) {
            // Everything this day could open is frozen: jump to the last day the freeze might not cover.
            LocalDate resume = LocalDateTime.ofEpochSecond(freeze.end(), 0, ZoneOffset.MIN).toLocalDate().minusDays(2);
            day = resume.isAfter(day) ? resume : day.plusDays(1);
            return;
        }
        for (ProductionWindow w : schedule.getWindows().getWindows()) {
            if (w.opensOn(day)) {
                for (Span s : Span.ofLocal(w.getZone().getRules(), w.startOn(day), w.endOn(day))) {
                    addUnfrozen(s);
                }
            }
        }
        day = day.plusDays(1);
    }

    private void addUnfrozen(Span span) {
        long start = span.start();
        List<Span> frozen = schedule.frozen();
        for (int i = firstFreezeEndingAfter(start); i < frozen.size(); i++) {
            Span f = frozen.get(i);
            if (f.start() >= span.end()) {
                break;
            }
            if (f.start() > start) {
                pending.add(new Span(start, f.start()));
            }
            start = Math.max(start, f.end());
        }
        if (start < span.end()) {
            pending.add(new Span(start, span.end()));
        }
    }

    private Span freezeAt(long second) {
        List<Span> frozen = schedule.frozen();
        int i = firstFreezeEndingAfter(second);
        return i < frozen.size() && frozen.get(i).contains(second) ? frozen.get(i) : null;
    }

    /** Index of the first freeze (sorted, disjoint) that ends after {@code second}; the size when none does. */
    private int firstFreezeEndingAfter(long second) {
        List<Span> frozen = schedule.frozen();
        int lo = 0;
        int hi = frozen.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (frozen.get(mid).end() <= second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
