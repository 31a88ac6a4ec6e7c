package org.releasegate.urgency;

import java.util.Objects;
import org.releasegate.policy.ParameterNames;
import org.releasegate.policy.PolicyException;

/**
 * A request to set rules aside because the work is urgent: a category from the seed and the reason, in words.
 *
 * @param category why, in the seed's terms
 * @param reason what is going on (an incident, a deadline); never blank
 */
public record Urgency(UrgencyCategory category, String reason) {
    private static final String SAY_WHAT = "say what is going on, such as \"INC-4411 checkout returns 500s\"";

    public Urgency {
        Objects.requireNonNull(category, "category");
        if (reason == null || reason.isBlank()) {
            throw new PolicyException("urgency " + category + " needs a reason: " + SAY_WHAT);
        }
        reason = reason.trim();
    }

    /**
     * Reads the pair as the step gives it ({@code urgency}, {@code reason}); both absent means no exception.
     *
     * @throws PolicyException for an unknown category, a reason without a category, or a category without a reason
     */
    public static java.util.Optional<Urgency> of(String category, String reason) {
        return of(category, reason, ParameterNames.STEP);
    }

    /**
     * Reads the pair as an interface gives it; both absent means no exception. Errors name that interface's
     * parameters.
     *
     * @throws PolicyException for an unknown category, a reason without a category, or a category without a reason
     */
    public static java.util.Optional<Urgency> of(String category, String reason, ParameterNames names) {
        boolean hasCategory = category != null && !category.isBlank();
        boolean hasReason = reason != null && !reason.isBlank();
        if (!hasCategory && !hasReason) {
            return java.util.Optional.empty();
        }
        if (!hasCategory) {
            throw new PolicyException("A reason was given without an urgency: add " + names.urgency() + " (one of "
                    + UrgencyCategory.names() + "), or drop the " + names.reason());
        }
        UrgencyCategory parsed = UrgencyCategory.parse(category, names);
        if (!hasReason) {
            throw new PolicyException(names.urgency() + " " + parsed + " needs a " + names.reason() + ": " + SAY_WHAT);
        }
        return java.util.Optional.of(new Urgency(parsed, reason));
    }

    @Override
    public String toString() {
        return category + ": " + reason;
    }
}
