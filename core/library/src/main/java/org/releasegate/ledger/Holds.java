package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;

/**
 * The standing holds on products, and their numbering. Not thread-safe; the {@link ReleaseLedger} that owns them
 * serialises every call.
 */
final class Holds {
    private final List<Hold> standing = new ArrayList<>();
    private final AuditLog audit;
    private long nextNumber = 1;

    Holds(AuditLog audit) {
        this.audit = audit;
    }

    void restore(List<Hold> saved, long nextHoldNumber) {
        standing.addAll(saved);
        nextNumber = nextHoldNumber;
    }

    List<Hold> all() {
        return List.copyOf(standing);
    }

    long nextNumber() {
        return nextNumber;
    }

    /** The holds on this product, or on every product. */
    List<Hold> on(String product) {
        return standing.stream().filter(h -> h.appliesTo(product)).toList();
    }

    List<LedgerEvent> place(Optional<String> product, Person author, String reason, Optional<Instant> expiresAt,
            boolean mayManageHolds, Instant now) {
        if (product.isEmpty() && !mayManageHolds) {
            throw new HoldPermissionException(author + " may not hold every product: that needs the Hold permission; "
                    + "hold a single product instead");
        }
        Hold hold = new Hold("hold-" + nextNumber, product, author, reason, now, expiresAt);
        nextNumber++;
        standing.add(hold);
        audit.holdPlaced(now, hold);
        return List.of(new LedgerEvent.HoldPlaced(hold));
    }

    List<LedgerEvent> lift(String id, Person by, boolean mayManageHolds, Instant now) {
        Hold hold = standing.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No hold \"" + id + "\": it may have been lifted or expired already"));
        if (!hold.author().isSame(by) && !mayManageHolds) {
            throw new HoldPermissionException(by + " may not lift the " + hold.describe() + ": only " + hold.author()
                    + " or someone with the Hold permission can");
        }
        standing.remove(hold);
        audit.holdLifted(now, hold, by);
        return List.of(new LedgerEvent.HoldLifted(hold, by));
    }

    List<LedgerEvent> expire(Instant now) {
        List<LedgerEvent> events = new ArrayList<>();
        for (Iterator<Hold> it = standing.iterator(); it.hasNext(); ) {
            Hold hold = it.next();
            if (!hold.isActive(now)) {
                it.remove();
                audit.holdExpired(now, hold);
                events.add(new LedgerEvent.HoldExpired(hold));
            }
        }
        return events;
    }
}
