package org.releasegate.hold;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.people.Person;

/**
 * A hold or blocker a team member put on a product (or on every product): no new RC and no production release until it
 * is lifted or expires. Urgent exceptions do not lift it; people do.
 *
 * @param id stable id, for lifting and linking
 * @param product the product held, or empty for every product
 * @param author who placed it
 * @param reason why, in their words
 * @param placedAt when
 * @param expiresAt when it lifts by itself, if ever
 */
public record Hold(String id, Optional<String> product, Person author, String reason, Instant placedAt,
        Optional<Instant> expiresAt) {
    public Hold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(author, "author");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A hold needs a reason: say what the team is waiting for");
        }
        reason = reason.trim();
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(placedAt)) {
            throw new IllegalArgumentException("A hold must expire after it is placed (" + placedAt + "), not at "
                    + expiresAt.get());
        }
    }

    public boolean isActive(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    public boolean appliesTo(String productName) {
        return product.map(productName::equals).orElse(true);
    }

    public boolean isOnEveryProduct() {
        return product.isEmpty();
    }

    /** "hold by alice: waiting for the DB migration". */
    public String describe() {
        return "hold by " + author + (isOnEveryProduct() ? " on every product" : "") + ": " + reason;
    }
}
