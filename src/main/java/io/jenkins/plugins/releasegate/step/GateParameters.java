package io.jenkins.plugins.releasegate.step;

import java.io.Serializable;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.GateMode;
import org.releasegate.rc.BuildRef;
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

    private GateParameters(GateStep step) {
        this.product = step.getProduct();
        this.stage = step.getStage();
        this.urgency = step.getUrgency();
        this.reason = step.getReason();
        this.candidate = step.getCandidate();
        this.wait = step.isWait();
        this.dryRun = step.isDryRun();
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

    GateMode mode() {
        return dryRun ? GateMode.DRY_RUN : wait ? GateMode.WAIT : GateMode.ONCE;
    }
}
