package org.releasegate.schedule;

/**
 * A window, freeze or zone that could not be read. Like {@link java.time.format.DateTimeParseException} it keeps the
 * input and where reading stopped, and its message quotes the input, names the column and says what was expected.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final int errorIndex;

    public SpecException(String message, String input, int errorIndex) {
        super(message);
        this.input = input;
        this.errorIndex = errorIndex;
    }

    static SpecException expected(String what, String input, int index) {
        return new SpecException('"' + input + "\": expected " + what + " at column " + (index + 1), input, index);
    }

    /** The text that was being read. */
    public String getInput() {
        return input;
    }

    /** Zero-based index in {@link #getInput()} where reading failed. */
    public int getErrorIndex() {
        return errorIndex;
    }
}
