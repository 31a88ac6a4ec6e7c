package org.releasegate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns bad input into one clear line on stderr and exit code 2. The engine reports every input it cannot use with an
 * {@link IllegalArgumentException} whose message names the input and the fix ({@code SpecException},
 * {@code PolicyException}), so those messages are printed as they are. Anything else is a bug and keeps its stack trace.
 */
final class BadInputHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private static final String PREFIX = "release-gate: ";

    /** An unknown option, a missing value, a value picocli or a converter could not read. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(PREFIX + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ReleaseGateCommand.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) throws Exception {
        PrintWriter err = cmd.getErr();
        if (ex instanceof InvalidPolicyException invalid) {
            // The same lines validate prints, one a problem, so an editor can jump to each.
            invalid.getProblems().forEach(err::println);
        } else if (ex instanceof IllegalArgumentException) {
            err.println(PREFIX + ex.getMessage());
        } else {
            throw ex;
        }
        err.flush();
        return ReleaseGateCommand.BAD_INPUT;
    }
}
