package org.releasegate.rc;

/** Where a release candidate stands. */
public enum RcState {
    /** Passed the gate; the build is still going. */
    RUNNING,
    /** Built and deployed to CI/QA; neither promoted nor closed. */
    IN_FLIGHT,
    /** Released to production. */
    PROMOTED,
    /** Will not be promoted; whoever rejected it wrote the next steps. */
    REJECTED,
    /** Closed for a newer RC: an urgent one, or one that was promoted. */
    SUPERSEDED,
    /** The build ended FAILURE, ABORTED or NOT_BUILT (or UNSTABLE, where the product says so). */
    FAILED,
    /**
     * Left open longer than twice the product's rcMaxAge (freeze days excluded) without being promoted or rejected:
     * closed by the gate, never promoted.
     */
    EXPIRED,
    /** Its build was deleted while the RC was open. */
    REMOVED;

    /** Running or in flight: the RC still holds the product. */
    public boolean isOpen() {
        return this == RUNNING || this == IN_FLIGHT;
    }
}
