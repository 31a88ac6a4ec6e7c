package org.releasegate.policy;

/** The result a build ends with when the gate blocks it. */
public enum BlockedResult {
    /**
     * The default: nothing was built. {@code post { failure }} does not run, and an upstream {@code build} step fails.
     */
    NOT_BUILT,
    /** For teams whose notifications only watch failures. */
    FAILURE
}
