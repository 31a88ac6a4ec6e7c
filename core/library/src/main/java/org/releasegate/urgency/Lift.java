package org.releasegate.urgency;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.releasegate.policy.PolicyException;

/** A rule an urgent exception may set aside. Holds are never among them: a hold is lifted by a person. */
public enum Lift {
    /** Release production outside the production window (needs a caller allowed to override). */
    WINDOW,
    /** Release production during a freeze (needs a caller allowed to override). */
    FREEZE,
    /** Start an RC while another is in flight, superseding it (announced to the team first). */
    RC_IN_FLIGHT;

    /** Reads {@code "WINDOW, FREEZE"}; an empty text lifts nothing. */
    public static Set<Lift> parseAll(String text) {
        Set<Lift> lifts = EnumSet.noneOf(Lift.class);
        if (text == null) {
            return lifts;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                lifts.add(valueOf(part.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new PolicyException("Unknown rule \"" + part + "\" in \"" + text + "\": an exception may lift "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
            }
        }
        return lifts;
    }

    public static String format(Set<Lift> lifts) {
        return lifts.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
