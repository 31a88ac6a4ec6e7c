package org.releasegate.decision;

/** The gate's answer. */
public enum Verdict {
    ALLOWED,
    BLOCKED
}
