package org.releasegate.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stretch of time in which production is open: windows that touch or overlap are one period, and freezes cut
 * them. {@code closes} is empty when the period never ends (a window every hour of the week, after the last freeze).
 */
public record OpenPeriod(Instant opens, Optional<Instant> closes) {
    public OpenPeriod {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(opens) && closes.map(instant::isBefore).orElse(true);
    }
}
