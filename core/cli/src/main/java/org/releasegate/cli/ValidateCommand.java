package org.releasegate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code release-gate validate}: every problem in a policy file, before Jenkins applies it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a Configuration-as-Code policy file and lists every problem as FILE:LINE:COLUMN: "
                + "SETTING: MESSAGE, on stderr.",
            "Prints FILE: valid (N products) when there is none."},
        footer = {"", "Exit code 0: valid; 2: problems, or the file cannot be read."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", required = true,
            description = "The Jenkins Configuration-as-Code YAML file, with the policy under unclassified: releaseGate:.")
    private Path file;

    @Override
    public Integer call() {
        PolicyFile policy = PolicyFile.read(file);
        if (!policy.getProblems().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            policy.getProblems().forEach(err::println);
            err.flush();
            return ReleaseGateCommand.BAD_INPUT;
        }
        int products = policy.policy().getProducts().size();
        PrintWriter out = spec.commandLine().getOut();
        out.println(policy.getName() + ": valid (" + products + (products == 1 ? " product)" : " products)"));
        out.flush();
        return ReleaseGateCommand.OK;
    }
}
