package org.releasegate.rc;

/**
 * A build the ledger knows no release candidate for (never one, or forgotten since): there is nothing to reject or
 * hand over. The web surface answers 404 for it, where other refusals of a transition are state conflicts (409).
 */
public class UnknownCandidateException extends IllegalTransitionException {
    private static final long serialVersionUID = 1L;

    public UnknownCandidateException(String message) {
        super(message);
    }
}
