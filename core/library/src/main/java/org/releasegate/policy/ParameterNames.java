package org.releasegate.policy;

import java.util.Objects;

/**
 * How one interface spells the parameters a message names. Core's words are shared by the Pipeline step and the
 * command line; a message that tells people what to pass says {@code candidate} to a Jenkinsfile author and
 * {@code --candidate} to someone at a shell, so each interface hands core its own names.
 *
 * @param stage the parameter that names the stage
 * @param candidate the parameter that names the release candidate to promote
 * @param urgency the parameter that names the urgency category
 * @param reason the parameter that gives the urgency's reason
 */
public record ParameterNames(String stage, String candidate, String urgency, String reason) {
    /** The {@code releaseGate} and {@code withReleaseGate} steps: {@code releaseGate stage: 'rc', candidate: ...}. */
    public static final ParameterNames STEP = new ParameterNames("stage", "candidate", "urgency", "reason");

    /** The command line's {@code check}: {@code --stage rc --candidate ...}. */
    public static final ParameterNames COMMAND_LINE = new ParameterNames("--stage", "--candidate", "--urgency",
            "--reason");

    public ParameterNames {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(reason, "reason");
    }
}
