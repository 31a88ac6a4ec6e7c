package org.releasegate.urgency;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What each urgency category may lift. By default every category lifts the production window and supersedes an RC in
 * flight (the seed's exceptions are about the window); only production down and a critical-path bug lift a freeze.
 */
public final class ExceptionReach {
    private final Map<UrgencyCategory, Set<Lift>> reach;

    private ExceptionReach(Map<UrgencyCategory, Set<Lift>> reach) {
        Map<UrgencyCategory, Set<Lift>> copy = new EnumMap<>(UrgencyCategory.class);
        for (UrgencyCategory c : UrgencyCategory.values()) {
            Set<Lift> lifts = reach.get(c);
            copy.put(c, Collections.unmodifiableSet(lifts == null || lifts.isEmpty() ? EnumSet.noneOf(Lift.class)
                    : EnumSet.copyOf(lifts)));
        }
        this.reach = Collections.unmodifiableMap(copy);
    }

    public static ExceptionReach defaults() {
        Map<UrgencyCategory, Set<Lift>> m = new EnumMap<>(UrgencyCategory.class);
        m.put(UrgencyCategory.PRODUCTION_DOWN, EnumSet.allOf(Lift.class));
        m.put(UrgencyCategory.CRITICAL_PATH_BUG, EnumSet.allOf(Lift.class));
        m.put(UrgencyCategory.URGENT_DELIVERY, EnumSet.of(Lift.WINDOW, Lift.RC_IN_FLIGHT));
        return new ExceptionReach(m);
    }

    /** The defaults, with the categories given replaced. */
    public ExceptionReach with(UrgencyCategory category, Set<Lift> lifts) {
        Map<UrgencyCategory, Set<Lift>> m = new EnumMap<>(reach);
        m.put(category, lifts);
        return new ExceptionReach(m);
    }

    public Set<Lift> lifts(UrgencyCategory category) {
        return reach.get(category);
    }

    public boolean mayLift(UrgencyCategory category, Lift lift) {
        return reach.get(category).contains(lift);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExceptionReach r && reach.equals(r.reach);
    }

    @Override
    public int hashCode() {
        return reach.hashCode();
    }
}
