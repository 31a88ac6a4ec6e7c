package org.releasegate.cli;

/**
 * A build history file that cannot be used: the message is one line naming the file, the JSON path of what is wrong
 * (when there is one) and what was expected, such as
 * {@code history.json: allBuilds[3].actions[2].state: unknown value "LIMBO"; use one of RUNNING, ...}.
 */
public class InvalidHistoryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidHistoryException(String message) {
        super(message);
    }

    public InvalidHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
