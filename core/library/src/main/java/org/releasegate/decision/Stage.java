package org.releasegate.decision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.releasegate.policy.ParameterNames;
import org.releasegate.policy.PolicyException;

/** What a build asks the gate for. */
public enum Stage {
    /** To become the product's release candidate, deployed to CI and QA. */
    RC,
    /** To release to production, promoting an RC. */
    PRODUCTION;

    /** How people write it, in a Jenkinsfile and on the command line alike: {@code rc} or {@code production}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the step's {@code stage}. */
    public static Stage parse(String text) {
        return parse(text, ParameterNames.STEP);
    }

    /**
     * Reads a stage as people write it, in any case.
     *
     * @throws PolicyException naming the interface's parameter and the spellings it takes
     */
    public static Stage parse(String text, ParameterNames names) {
        String t = text == null ? "" : text.trim();
        for (Stage s : values()) {
            if (s.spelling().equalsIgnoreCase(t)) {
                return s;
            }
        }
        throw new PolicyException(names.stage() + ": unknown value \"" + text + "\"; use one of "
                + Arrays.stream(values()).map(Stage::spelling).collect(Collectors.joining(", ")));
    }
}
