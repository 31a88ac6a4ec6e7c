package org.releasegate.rc;

/**
 * A hand-over refused on permission grounds: the caller is neither the RC's release manager nor allowed to manage
 * holds. Other refusals of a hand-over (an RC no longer open, the new release manager already in charge) are state
 * conflicts, thrown as plain {@link IllegalTransitionException}.
 */
public class HandOverRefusedException extends IllegalTransitionException {
    private static final long serialVersionUID = 1L;

    public HandOverRefusedException(String message) {
        super(message);
    }
}
