package org.releasegate.rc;

import org.releasegate.policy.Enums;

/** How a build ended, named as Jenkins names its results. */
public enum BuildResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    public static BuildResult parse(String text) {
        return Enums.parse(BuildResult.class, "result", text);
    }
}
