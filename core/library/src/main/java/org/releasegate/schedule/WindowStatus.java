package org.releasegate.schedule;

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
 * @param nextOpening when closed: the next instant production opens (empty: never)
 */
public record WindowStatus(Instant instant, boolean open, Optional<ProductionWindow> window, boolean outsideWindows,
        List<Freeze> freezes, Optional<Instant> closesAt, Optional<Instant> nextOpening) {
    public WindowStatus {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(window, "window");
        freezes = List.copyOf(freezes);
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(nextOpening, "nextOpening");
    }
}
