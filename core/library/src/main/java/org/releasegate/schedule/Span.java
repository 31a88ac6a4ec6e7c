package org.releasegate.schedule;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/** A half-open range of epoch seconds, {@code [start, end)}: the instants of a window occurrence or a freeze. */
record Span(long start, long end) {

    /**
     * Every instant whose wall clock under {@code rules} is in {@code [from, to)}. Usually one span; two or none around
     * a daylight-saving change, because the wall clock jumps forward (a gap) or back (an hour seen twice).
     */
    static List<Span> ofLocal(ZoneRules rules, LocalDateTime from, LocalDateTime to) {
        List<Span> out = new ArrayList<>(1);
        if (rules.isFixedOffset()) {
            ZoneOffset offset = rules.getOffset(java.time.Instant.EPOCH);
            add(out, from.toEpochSecond(offset), to.toEpochSecond(offset));
            return out;
        }
        // No instant outside [from at +18:00, to at -18:00) can have its wall clock in range.
        long at = from.toEpochSecond(ZoneOffset.MAX);
        long limit = to.toEpochSecond(ZoneOffset.MIN);
        while (at < limit) {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(at);
            ZoneOffset offset = rules.getOffset(instant);
            ZoneOffsetTransition next = rules.nextTransition(instant);
            long segmentEnd = next == null ? limit : Math.min(limit, next.toEpochSecond());
            add(out, Math.max(at, from.toEpochSecond(offset)), Math.min(segmentEnd, to.toEpochSecond(offset)));
            at = segmentEnd;
        }
        return out;
    }

    private static void add(List<Span> out, long start, long end) {
        if (start >= end) {
            return;
        }
        Span last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.end >= start) {
            out.set(out.size() - 1, new Span(last.start, Math.max(last.end, end)));
        } else {
            out.add(new Span(start, end));
        }
    }

    boolean contains(long second) {
        return start <= second && second < end;
    }
}
