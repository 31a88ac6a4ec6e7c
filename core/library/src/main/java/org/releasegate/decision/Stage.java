package org.releasegate.decision;

import org.releasegate.policy.Enums;

/** What a build asks the gate for. */
public enum Stage {
    /** To become the product's release candidate, deployed to CI and QA. */
    RC,
    /** To release to production, promoting an RC. */
    PRODUCTION;

    public static Stage parse(String text) {
        return Enums.parse(Stage.class, "stage", text);
    }
}
