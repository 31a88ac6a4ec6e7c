package org.releasegate.rc;

/** A state change the RC lifecycle does not allow; the message says why. */
public class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
