package org.releasegate.policy;

/** A policy that cannot be used as given: the message names the input and how to fix it. */
public class PolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
