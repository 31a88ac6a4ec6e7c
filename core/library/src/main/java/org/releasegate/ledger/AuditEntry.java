package org.releasegate.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.people.Person;

/**
 * One line of a product's audit: who did what, when, and why. Entries are only ever appended.
 *
 * @param at when
 * @param product the product, or empty for something on every product (a hold on all)
 * @param actor who, when a person did it
 * @param action what happened
 * @param subject what it happened to: a build ({@code job#number}) or a hold id
 * @param detail why, in words
 */
public record AuditEntry(Instant at, Optional<String> product, Optional<Person> actor, Action action, String subject,
        String detail) {
    /** What can happen to a product's release state. */
    public enum Action {
        RC_STARTED,
        RC_SUPERSEDED,
        RC_DEPLOYED,
        RC_FAILED,
        RC_PROMOTED,
        RC_CLOSED,
        RC_REJECTED,
        RC_EXPIRED,
        HANDED_OVER,
        EXCEPTION_USED,
        BLOCKED,
        QUEUED,
        LEFT_QUEUE,
        PRODUCTION_STARTED,
        PRODUCTION_FINISHED,
        HOLD_PLACED,
        HOLD_LIFTED,
        HOLD_EXPIRED,
        REBUILT,
        /** A build was deleted: what it held was let go. */
        BUILD_REMOVED,
        /** A job was renamed or moved: the ledger's references to its builds followed. */
        JOB_MOVED
    }

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
