package org.releasegate.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a policy enum as an admin types it, with an error that lists the choices. */
public final class Enums {
    private Enums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String setting, String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new PolicyException(setting + ": unknown value \"" + text + "\"; use one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
