package io.jenkins.plugins.releasegate.ledger;

import java.io.IOException;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The ledger changed in memory but could not be written. Thrown by {@link LedgerStore} instead of returning the events,
 * so nothing that was not saved is ever announced; the store keeps the problem for the status page until a save works.
 */
@Restricted(NoExternalUse.class)
public final class LedgerSaveException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LedgerSaveException(String message, IOException cause) {
        super(message, cause);
    }
}
