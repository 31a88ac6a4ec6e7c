package org.releasegate.cli;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file with problems: all of them, in file order, so one run shows everything to fix. */
public class InvalidPolicyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public InvalidPolicyException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> getProblems() {
        return problems;
    }
}
