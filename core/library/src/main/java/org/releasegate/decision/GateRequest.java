package org.releasegate.decision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.urgency.Urgency;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;

/**
 * What a build asks of the gate. {@code mayOverride} and {@code approval} come from the caller's permissions as the
 * plugin computes them, never from a Jenkinsfile.
 */
public final class GateRequest {
    private final Stage stage;
    private final Optional<BuildRef> build;
    private final Optional<Urgency> urgency;
    private final boolean mayOverride;
    private final Optional<Approval> approval;
    private final Optional<BuildRef> candidate;
    private final ReleaseManager releaseManager;
    private final List<Person> changeAuthors;
    private final Optional<Person> requester;
    private final boolean changeRequest;
    private final boolean candidatesKnown;
    private final Duration expectedDuration;

    private GateRequest(Builder b) {
        this.stage = b.stage;
        this.build = b.build;
        this.urgency = b.urgency;
        this.mayOverride = b.mayOverride;
        this.approval = b.approval;
        this.candidate = b.candidate;
        this.releaseManager = b.releaseManager;
        this.changeAuthors = List.copyOf(b.changeAuthors);
        this.requester = b.requester;
        this.changeRequest = b.changeRequest;
        this.candidatesKnown = b.candidatesKnown;
        this.expectedDuration = b.expectedDuration;
    }

    public static Builder builder(Stage stage) {
        return new Builder(stage);
    }

    public Stage getStage() {
        return stage;
    }

    /** The build asking; empty for a what-if from the command line. */
    public Optional<BuildRef> getBuild() {
        return build;
    }

    public Optional<Urgency> getUrgency() {
        return urgency;
    }

    /** The requester holds the Override permission on the product. */
    public boolean mayOverride() {
        return mayOverride;
    }

    /**
     * The approval a user with Override gave for this request's urgent exception, if any. The gate honours it only
     * where it covers the request (product, stage, category, what must be lifted).
     */
    public Optional<Approval> getApproval() {
        return approval;
    }

    /** Production: the RC named to promote. */
    public Optional<BuildRef> getCandidate() {
        return candidate;
    }

    /** RC: who becomes release manager if it passes. */
    public ReleaseManager getReleaseManager() {
        return releaseManager;
    }

    public List<Person> getChangeAuthors() {
        return changeAuthors;
    }

    public Optional<Person> getRequester() {
        return requester;
    }

    /** A pull-request build: it may never claim a product. */
    public boolean isChangeRequest() {
        return changeRequest;
    }

    /**
     * Whether the ledger's release candidates are known. A what-if without build history (the command line without
     * {@code --history}) leaves RCs out of the decision and says so in a warning.
     */
    public boolean isCandidatesKnown() {
        return candidatesKnown;
    }

    /**
     * How long this release is expected to take ({@link Duration#ZERO}: not said). It lengthens the product's runway,
     * never shortens it.
     */
    public Duration getExpectedDuration() {
        return expectedDuration;
    }

    /** Fills a request; only the stage is required. */
    public static final class Builder {
        private final Stage stage;
        private Optional<BuildRef> build = Optional.empty();
        private Optional<Urgency> urgency = Optional.empty();
        private boolean mayOverride;
        private Optional<Approval> approval = Optional.empty();
        private Optional<BuildRef> candidate = Optional.empty();
        private ReleaseManager releaseManager = ReleaseManager.unassigned();
        private List<Person> changeAuthors = List.of();
        private Optional<Person> requester = Optional.empty();
        private boolean changeRequest;
        private boolean candidatesKnown = true;
        private Duration expectedDuration = Duration.ZERO;

        private Builder(Stage stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
        }

        public Builder build(BuildRef build) {
            this.build = Optional.ofNullable(build);
            return this;
        }

        public Builder urgency(Optional<Urgency> urgency) {
            this.urgency = Objects.requireNonNull(urgency, "urgency");
            return this;
        }

        public Builder mayOverride(boolean mayOverride) {
            this.mayOverride = mayOverride;
            return this;
        }

        /** The approval given for this request; null for none. */
        public Builder approval(Approval approval) {
            this.approval = Optional.ofNullable(approval);
            return this;
        }

        public Builder candidate(Optional<BuildRef> candidate) {
            this.candidate = Objects.requireNonNull(candidate, "candidate");
            return this;
        }

        public Builder releaseManager(ReleaseManager releaseManager) {
            this.releaseManager = Objects.requireNonNull(releaseManager, "releaseManager");
            return this;
        }

        public Builder changeAuthors(List<Person> authors) {
            this.changeAuthors = List.copyOf(authors);
            return this;
        }

        public Builder requester(Person requester) {
            this.requester = Optional.ofNullable(requester);
            return this;
        }

        public Builder changeRequest(boolean changeRequest) {
            this.changeRequest = changeRequest;
            return this;
        }

        public Builder candidatesKnown(boolean known) {
            this.candidatesKnown = known;
            return this;
        }

        public Builder expectedDuration(Duration expected) {
            if (expected.isNegative()) {
                throw new IllegalArgumentException("negative expected duration " + expected);
            }
            this.expectedDuration = expected;
            return this;
        }

        public GateRequest build() {
            return new GateRequest(this);
        }
    }
}
