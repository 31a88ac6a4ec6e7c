package org.releasegate.ledger;

/** Someone tried to place or lift a hold they may not; the message says who can. */
public class HoldPermissionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public HoldPermissionException(String message) {
        super(message);
    }
}
