package org.releasegate.policy;

/** What an RC build that ends {@code UNSTABLE} becomes. */
public enum UnstableRc {
    /** It did deploy to CI/QA: in flight, like a success. The default. */
    IN_FLIGHT,
    /** Treated as a failed RC: closed. */
    FAILED
}
