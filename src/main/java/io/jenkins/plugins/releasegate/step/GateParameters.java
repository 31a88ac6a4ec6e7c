package io.jenkins.plugins.releasegate.step;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateMode;
import org.releasegate.rc.BuildRef;
import org.releasegate.schedule.Runway;
import org.releasegate.urgency.Urgency;

/** The step's arguments, kept with the execution across a controller restart. */
@Restricted(NoExternalUse.class)
final class GateParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    final String product;
    final String stage;
    final String urgency;
    final String reason;
    final String candidate;
    final boolean wait;
    final boolean dryRun;
    /** Null when not given (also in executions saved before the runway existed). */
    final String expectedDuration;
    final boolean runwayAuto;

    /** The one value of the step's {@code runway}. */
    static final String AUTO = "auto";

    private GateParameters(GateStep step) {
        this.product = step.getProduct();
        this.stage = step.getStage();
        this.urgency = step.getUrgency();
        this.reason = step.getReason();
        this.candidate = step.getCandidate();
        this.wait = step.isWait();
        this.dryRun = step.isDryRun();
        this.expectedDuration = step.getExpectedDuration();
        this.runwayAuto = step.getRunway() != null;
    }

    static GateParameters of(GateStep step) {
        return new GateParameters(step);
    }

    Stage stage() {
        return Stage.parse(stage);
    }

    Optional<Urgency> urgency() {
        return Urgency.of(urgency, reason);
    }

    Optional<BuildRef> candidate() {
        return Optional.ofNullable(candidate).map(BuildRef::parse);
    }

    /** What the step says of its length: {@code expectedDuration}, zero when not given. */
    Duration expectedDuration() {
        return expectedDuration == null ? Duration.ZERO : Runway.parse(expectedDuration, "expected duration");
    }

    GateMode mode() {
        return dryRun ? GateMode.DRY_RUN : wait ? GateMode.WAIT : GateMode.ONCE;
    }
}
