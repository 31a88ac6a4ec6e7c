package org.releasegate.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether production is open at an instant, and why not.
 *
 * @param instant the instant evaluated
 * @param open whether a production release may happen then, window and freezes considered
 * @param window the window the instant is in, if any (even when a freeze closes it)
 * @param outsideWindows true when no window contains the instant
 * @param freezes the freezes covering the instant's date
 * @param closesAt when open: when production next closes (empty: never)
 * @param nextOpening when no release of the runway may start now: the start of the next open stretch at least the
 *     runway long (empty: none ahead)
 * @param runway how long production must stay open after a release starts ({@link Duration#ZERO}: no runway)
 * @param lastStart when open and production closes: the latest instant a release of this runway may start in the
 *     current stretch (it may lie before {@code instant}, when the runway no longer fits)
 */
public record WindowStatus(Instant instant, boolean open, Optional<ProductionWindow> window, boolean outsideWindows,
        List<Freeze> freezes, Optional<Instant> closesAt, Optional<Instant> nextOpening, Duration runway,
        Optional<Instant> lastStart) {
    public WindowStatus {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(window, "window");
        freezes = List.copyOf(freezes);
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(nextOpening, "nextOpening");
        Objects.requireNonNull(runway, "runway");
        Objects.requireNonNull(lastStart, "lastStart");
    }

    /** Open, and open long enough: a release of the runway may start now. */
    public boolean runwayFits() {
        return open && lastStart.map(last -> !instant.isAfter(last)).orElse(true);
    }

    /** Open, but the runway no longer fits before production closes: the reason {@code RUNWAY}. */
    public boolean runwayShort() {
        return open && !runwayFits();
    }
}
