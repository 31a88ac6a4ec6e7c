package org.releasegate.cli;

import java.util.Comparator;

/**
 * One thing wrong in a policy file, where it is and what to do: printed as {@code FILE:LINE:COLUMN: PATH: MESSAGE},
 * the form compilers use, so editors and CI logs link it to the line.
 *
 * @param file the file as the caller named it
 * @param line one-based line
 * @param column one-based column
 * @param path the setting under {@code releaseGate}, such as {@code products[0].productionWindows}; empty above it
 * @param message what is wrong and how to fix it
 */
public record Problem(String file, int line, int column, String path, String message) {
    /** File order. */
    public static final Comparator<Problem> ORDER = Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
