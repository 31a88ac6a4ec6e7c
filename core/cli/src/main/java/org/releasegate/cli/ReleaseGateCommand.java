package org.releasegate.cli;

import java.time.Clock;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code release-gate}: asks the policy engine what the Jenkins plugin would decide, from a terminal or a script,
 * without Jenkins. The exit code is the answer, so scripts can branch on it.
 */
@Command(name = "release-gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Release Gate's policy engine on the command line: may a release happen now, when production "
                + "opens next, and whether a Configuration-as-Code policy file is valid.",
        subcommands = {CheckCommand.class, WindowsCommand.class, CalendarCommand.class, ValidateCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:allowed (check); done (windows, validate)",
            "2:bad input: an unknown option, an unreadable or invalid policy or history, an unknown product, a "
                    + "malformed window, freeze or time",
            "3:blocked (check)"})
public final class ReleaseGateCommand {
    /** The release may happen, or the command did what was asked. */
    public static final int OK = 0;
    /** Picocli's own code for a usage error, which every bad input shares. */
    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    /** The gate blocks the release. */
    public static final int BLOCKED = 3;

    private final Clock clock;

    public ReleaseGateCommand() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock "now" for {@code --at} and {@code --from}, and the caller's zone; tests fix it */
    public ReleaseGateCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Clock clock() {
        return clock;
    }

    /**
     * The command line as {@link #main} runs it: bad input gets one line and exit code 2, never a stack trace, and
     * {@code --format json} reads like {@code --format JSON}.
     */
    public static CommandLine commandLine(ReleaseGateCommand command) {
        BadInputHandler handler = new BadInputHandler();
        return new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(handler)
                .setExecutionExceptionHandler(handler);
    }

    public static void main(String[] args) {
        System.exit(commandLine(new ReleaseGateCommand()).execute(args));
    }
}
