package org.releasegate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.urgency.Urgency;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.JobPattern;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.WindowSpec;

/** Shared test data: the checkout product, its people, and instants inside and outside its window. */
public final class Fixtures {
    public static final ZoneId NY = ZoneId.of("America/New_York");
    /** Thursday 2026-11-26 10:00 EST: inside the seed window. */
    public static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    /** Friday 2026-11-27 10:00 EST: outside it. */
    public static final Instant FRIDAY_10AM = Instant.parse("2026-11-27T15:00:00Z");
    /** Monday 2026-11-30 08:00 EST: the next opening after Friday. */
    public static final Instant MONDAY_8AM = Instant.parse("2026-11-30T13:00:00Z");

    public static final Person ALICE = Person.user("alice", "Alice Archer");
    public static final Person BOB = Person.user("bob", "Bob Baker");
    public static final Person CAROL = Person.user("carol", "Carol Chen");

    public static final String RC_JOB = "checkout/release-candidate";
    public static final String PROD_JOB = "checkout/deploy-production";

    private Fixtures() {
    }

    public static ProductPolicy.Builder checkoutBuilder() {
        return ProductPolicy.builder("checkout").zone(NY)
                .jobs(JobPattern.parseAll(RC_JOB + ", " + PROD_JOB))
                .windows(WindowSpec.parse("Mon-Thu 08:00-16:00", NY))
                .freezes(List.of(Freeze.parse("2026-12-21..2027-01-04 Holiday freeze")));
    }

    public static ProductPolicy checkout() {
        return checkoutBuilder().build();
    }

    public static BuildRef rcBuild(int number) {
        return new BuildRef(RC_JOB, number);
    }

    public static BuildRef prodBuild(int number) {
        return new BuildRef(PROD_JOB, number);
    }

    public static ReleaseManager managedBy(Person p) {
        return ReleaseManager.of(p, ReleaseManager.Source.USER);
    }

    public static GateRequest rcRequest(int number, Person by) {
        return GateRequest.builder(Stage.RC).build(rcBuild(number)).requester(by).releaseManager(managedBy(by)).build();
    }

    public static GateRequest.Builder production(int number, Person by) {
        return GateRequest.builder(Stage.PRODUCTION).build(prodBuild(number)).requester(by);
    }

    public static Optional<Urgency> urgent(UrgencyCategory category) {
        return Optional.of(new Urgency(category, "INC-4411 checkout returns 500s"));
    }

    public static ReleaseCandidate started(int number, Person manager, Instant at) {
        return ReleaseCandidate.started(rcBuild(number), "checkout", managedBy(manager), List.of(), Optional.empty(), at);
    }

    public static ReleaseCandidate inFlight(int number, Person manager, Instant at) {
        return started(number, manager, at).finished(org.releasegate.rc.BuildResult.SUCCESS,
                org.releasegate.policy.UnstableRc.IN_FLIGHT, at.plusSeconds(600));
    }
}
