package org.releasegate.decision;

import java.util.Objects;
import java.util.Set;
import org.releasegate.people.Person;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;

/**
 * An urgent exception someone with Override approved for one request: which product, stage and category it was asked
 * for, what it lifts, and who approved it. It covers exactly that: not another product, stage or category, and not a
 * rule it did not lift (a freeze that began after the approval needs one of its own).
 *
 * @param product the product the request was for
 * @param stage the stage it was for
 * @param category the urgency category it claimed
 * @param lifts the rules it was approved to set aside
 * @param by who approved it
 */
public record Approval(String product, Stage stage, UrgencyCategory category, Set<Lift> lifts, Person by) {
    public Approval {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(by, "by");
        lifts = Set.copyOf(lifts);
    }

    /** Whether it lets a request of this product, stage and category set aside every rule in {@code needed}. */
    public boolean covers(String product, Stage stage, UrgencyCategory category, Set<Lift> needed) {
        return this.product.equals(product) && this.stage == stage && this.category == category
                && lifts.containsAll(needed);
    }
}
