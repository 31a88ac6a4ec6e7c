package org.releasegate.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Seven days of a product's schedule as a person in {@code zone} reads them: one column per local day, with the
 * minutes production is open and the minutes each freeze covers. Minutes are wall-clock minutes after local midnight,
 * {@code 0} to {@code 1440}, so an 08:00-16:00 window is drawn at 08:00-16:00 whatever the day's length; on a
 * daylight-saving day a range spans the wall-clock hull of its instants (the skipped hour is drawn inside an open
 * range that crosses it, the repeated hour once).
 *
 * <p>Open ranges come from {@link Schedule#openPeriods(Instant)}, so freezes are already cut out of them; frozen
 * ranges are drawn apart, each with its reason.
 */
public final class WeekView {
    /** Columns in a week view. */
    public static final int DAYS = 7;
    /** Minutes in a column: a wall-clock day. */
    public static final int MINUTES_PER_DAY = ProductionWindow.MINUTES_PER_DAY;

    private final ZoneId zone;
    private final List<Day> days;
    private final int nowMinute;

    /**
     * A stretch of one local day, {@code [from, to)} in wall-clock minutes after midnight.
     *
     * @param from first minute, 0 to 1439
     * @param to minute after the last one, 1 to 1440
     */
    public record Range(int from, int to) {
        public Range {
            if (from < 0 || to > MINUTES_PER_DAY || from >= to) {
                throw new IllegalArgumentException("bad range " + from + "-" + to);
            }
        }

        /** {@code 08:00-16:00}; the end of the day is {@code 24:00}. */
        public String clock() {
            return ProductionWindow.clock(from) + "-" + ProductionWindow.clock(to);
        }
    }

    /**
     * A freeze's part of one day.
     *
     * @param range when, on that day
     * @param reason the freeze's reason, as the admin wrote it
     */
    public record Frozen(Range range, String reason) {
        public Frozen {
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One column.
     *
     * @param date the local date in the view's zone
     * @param open when production is open that day, in order, touching ranges joined
     * @param frozen the freezes covering part of that day, in the order the admin listed them
     * @param cutOff the open minutes too late to start a production release of the runway: the last runway of each
     *     open period (empty with no runway)
     */
    public record Day(LocalDate date, List<Range> open, List<Frozen> frozen, List<Range> cutOff) {
        public Day {
            Objects.requireNonNull(date, "date");
            open = List.copyOf(open);
            frozen = List.copyOf(frozen);
            cutOff = List.copyOf(cutOff);
        }

        /** A day without a runway cut-off. */
        public Day(LocalDate date, List<Range> open, List<Frozen> frozen) {
            this(date, open, frozen, List.of());
        }

        /** {@code Mon}. */
        public String dayName() {
            return ProductionWindow.dayName(date.getDayOfWeek());
        }
    }

    private WeekView(ZoneId zone, List<Day> days, int nowMinute) {
        this.zone = zone;
        this.days = List.copyOf(days);
        this.nowMinute = nowMinute;
    }

    /** The week starting on the local date of {@code now} in {@code zone}, with {@code now} marked on its first day. */
    public static WeekView of(Schedule schedule, Instant now, ZoneId zone) {
        return of(schedule, now, zone, Duration.ZERO);
    }

    /** As {@link #of(Schedule, Instant, ZoneId)}, with the cut-off of a {@code runway} at the end of each period. */
    public static WeekView of(Schedule schedule, Instant now, ZoneId zone, Duration runway) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        LocalDate first = now.atZone(zone).toLocalDate();
        long start = startOf(first, zone);
        long end = startOf(first.plusDays(DAYS), zone);
        List<Span> open = new ArrayList<>();
        List<Span> late = new ArrayList<>();
        openSpans(schedule, start, end, runway.getSeconds(), open, late);
        List<List<Span>> freezes = new ArrayList<>();
        for (Freeze f : schedule.getFreezes()) {
            freezes.add(Span.ofLocal(schedule.getZone().getRules(), f.getFirst().atStartOfDay(),
                    f.getLast().plusDays(1).atStartOfDay()));
        }
        List<Day> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            LocalDate date = first.plusDays(i);
            long dayStart = startOf(date, zone);
            long dayEnd = startOf(date.plusDays(1), zone);
            List<Frozen> frozen = new ArrayList<>();
            for (int f = 0; f < freezes.size(); f++) {
                String reason = schedule.getFreezes().get(f).getReason();
                for (Range r : ranges(freezes.get(f), dayStart, dayEnd, date, zone.getRules())) {
                    frozen.add(new Frozen(r, reason));
                }
            }
            days.add(new Day(date, ranges(open, dayStart, dayEnd, date, zone.getRules()), frozen,
                    ranges(late, dayStart, dayEnd, date, zone.getRules())));
        }
        return new WeekView(zone, days, minuteOf(now.getEpochSecond(), zone.getRules(), first));
    }

    private static long startOf(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toEpochSecond();
    }

    /** Fills {@code open} with the open periods within {@code [start, end)}, {@code late} with their last runway. */
    private static void openSpans(Schedule schedule, long start, long end, long runway, List<Span> open,
            List<Span> late) {
        for (Iterator<OpenPeriod> it = schedule.openPeriods(Instant.ofEpochSecond(start)); it.hasNext(); ) {
            OpenPeriod p = it.next();
            long opens = p.opens().getEpochSecond();
            if (opens >= end) {
                break;
            }
            long closes = p.closes().map(Instant::getEpochSecond).orElse(Long.MAX_VALUE);
            open.add(new Span(Math.max(opens, start), Math.min(closes, end)));
            long cutOff = Math.max(Math.max(opens, start), closes - runway);
            if (runway > 0 && closes != Long.MAX_VALUE && cutOff < Math.min(closes, end)) {
                late.add(new Span(cutOff, Math.min(closes, end)));
            }
        }
    }

    /** The parts of {@code spans} inside one local day, as sorted wall-clock ranges with touching ones joined. */
    private static List<Range> ranges(List<Span> spans, long dayStart, long dayEnd, LocalDate date, ZoneRules rules) {
        List<int[]> raw = new ArrayList<>();
        for (Span s : spans) {
            long a = Math.max(s.start(), dayStart);
            long b = Math.min(s.end(), dayEnd);
            if (a < b) {
                raw.add(hull(a, b, dayEnd, date, rules));
            }
        }
        raw.sort(Comparator.comparingInt(r -> r[0]));
        List<Range> out = new ArrayList<>();
        int[] current = null;
        for (int[] r : raw) {
            if (current != null && r[0] <= current[1]) {
                current[1] = Math.max(current[1], r[1]);
            } else {
                if (current != null && current[0] < current[1]) {
                    out.add(new Range(current[0], current[1]));
                }
                current = r.clone();
            }
        }
        if (current != null && current[0] < current[1]) {
            out.add(new Range(current[0], current[1]));
        }
        return out;
    }

    /**
     * The wall-clock minutes {@code [a, b)} covers on {@code date}. Split where the offset changes, so that each piece
     * maps to the wall clock one to one, and joined: the skipped hour of a spring-forward day lies inside, the repeated
     * hour of a fall-back day counts once.
     */
    private static int[] hull(long a, long b, long dayEnd, LocalDate date, ZoneRules rules) {
        int from = MINUTES_PER_DAY;
        int to = 0;
        long at = a;
        while (at < b) {
            Instant instant = Instant.ofEpochSecond(at);
            ZoneOffset offset = rules.getOffset(instant);
            ZoneOffsetTransition next = rules.nextTransition(instant);
            long pieceEnd = next == null ? b : Math.min(b, next.toEpochSecond());
            from = Math.min(from, minuteOf(at, offset, date));
            to = Math.max(to, pieceEnd == dayEnd ? MINUTES_PER_DAY : ceilMinuteOf(pieceEnd, offset, date));
            at = pieceEnd;
        }
        return new int[] {from, Math.min(to, MINUTES_PER_DAY)};
    }

    private static int minuteOf(long second, ZoneRules rules, LocalDate date) {
        return minuteOf(second, rules.getOffset(Instant.ofEpochSecond(second)), date);
    }

    private static int minuteOf(long second, ZoneOffset offset, LocalDate date) {
        long local = LocalDateTime.ofEpochSecond(second, 0, offset).toEpochSecond(ZoneOffset.UTC);
        long minutes = Math.floorDiv(local - date.atStartOfDay().toEpochSecond(ZoneOffset.UTC), 60);
        return (int) Math.max(0, Math.min(MINUTES_PER_DAY, minutes));
    }

    private static int ceilMinuteOf(long second, ZoneOffset offset, LocalDate date) {
        long local = LocalDateTime.ofEpochSecond(second, 0, offset).toEpochSecond(ZoneOffset.UTC);
        long minutes = Math.floorDiv(local - date.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 59, 60);
        return (int) Math.max(0, Math.min(MINUTES_PER_DAY, minutes));
    }

    /** The zone the days are local to. */
    public ZoneId zone() {
        return zone;
    }

    /** Seven columns, the first being the day of the instant the view was made for. */
    public List<Day> days() {
        return days;
    }

    /** The wall-clock minute of the instant the view was made for, on the first day. */
    public int nowMinute() {
        return nowMinute;
    }

    /** One line a day, for logs and tests: {@code Mon 2026-11-23 open 08:00-16:00 frozen 00:00-24:00 Holiday freeze}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(zone.getId());
        for (Day d : days) {
            b.append('\n').append(d.dayName()).append(' ').append(d.date());
            d.open().forEach(r -> b.append(" open ").append(r.clock()));
            d.frozen().forEach(f -> b.append(" frozen ").append(f.range().clock()).append(' ').append(f.reason()));
            d.cutOff().forEach(r -> b.append(" cut-off ").append(r.clock()));
        }
        return b.toString();
    }
}
