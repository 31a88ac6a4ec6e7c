package org.releasegate.urgency;

import java.util.Objects;
import org.releasegate.policy.PolicyException;

/**
 * A request to set rules aside because the work is urgent: a category from the seed and the reason, in words.
 *
 * @param category why, in the seed's terms
 * @param reason what is going on (an incident, a deadline); never blank
 */
public record Urgency(UrgencyCategory category, String reason) {
    public Urgency {
        Objects.requireNonNull(category, "category");
        if (reason == null || reason.isBlank()) {
            throw new PolicyException("urgency " + category + " needs a reason: say what is going on, such as "
                    + "\"INC-4411 checkout returns 500s\"");
        }
        reason = reason.trim();
    }

    /**
     * Reads the pair as a caller gives it; both absent means no exception.
     *
     * @throws PolicyException for an unknown category, a reason without a category, or a category without a reason
     */
    public static java.util.Optional<Urgency> of(String category, String reason) {
        boolean hasCategory = category != null && !category.isBlank();
        boolean hasReason = reason != null && !reason.isBlank();
        if (!hasCategory && !hasReason) {
            return java.util.Optional.empty();
        }
        if (!hasCategory) {
            throw new PolicyException("A reason was given without an urgency: add urgency (one of "
                    + UrgencyCategory.names() + "), or drop the reason");
        }
        return java.util.Optional.of(new Urgency(UrgencyCategory.parse(category), reason));
    }

    @Override
    public String toString() {
        return category + ": " + reason;
    }
}
