package org.releasegate.urgency;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.releasegate.policy.Enums;
import org.releasegate.policy.ParameterNames;
import org.releasegate.policy.PolicyException;

/** The seed's reasons to release outside the rules. */
public enum UrgencyCategory {
    PRODUCTION_DOWN("production is completely down"),
    CRITICAL_PATH_BUG("a bug in the critical path of the application"),
    URGENT_DELIVERY("delivery of functionality is urgent (another team's deadline)");

    private final String description;

    UrgencyCategory(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }

    /** @throws PolicyException naming the input and the categories there are */
    public static UrgencyCategory parse(String text) {
        return parse(text, ParameterNames.STEP);
    }

    /** @throws PolicyException naming the interface's parameter and the categories there are */
    public static UrgencyCategory parse(String text, ParameterNames names) {
        return Enums.parse(UrgencyCategory.class, names.urgency(), text);
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
