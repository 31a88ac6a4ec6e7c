package org.releasegate.ledger;

/** How a request meets the gate. */
public enum GateMode {
    /** Decide and report; change nothing, announce nothing. */
    DRY_RUN,
    /** Pass now or be turned away. */
    ONCE,
    /** Pass now, or join the queue and be asked again when something changes. */
    WAIT
}
