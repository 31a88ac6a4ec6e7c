package org.releasegate.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.Schedule;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;

/** What the admin set for one product. Immutable; built with {@link #builder(String)}. */
public final class ProductPolicy {
    /** The seed's production window. */
    public static final String DEFAULT_WINDOWS = "Mon-Thu 08:00-16:00";
    public static final Duration DEFAULT_RC_MAX_AGE = Duration.ofDays(7);

    private final String name;
    private final List<JobPattern> jobs;
    private final Schedule schedule;
    private final String slackChannel;
    private final Duration rcMaxAge;
    private final String defaultReleaseManager;
    private final UnstableRc unstableRc;
    private final BlockedResult blockedResult;
    private final boolean releasesWithoutRc;
    private final ExceptionReach exceptionReach;
    private final Duration runway;

    private ProductPolicy(Builder b) {
        this.name = b.name;
        this.jobs = List.copyOf(b.jobs);
        this.schedule = new Schedule(b.windows, b.freezes, b.zone);
        this.slackChannel = b.slackChannel;
        this.rcMaxAge = b.rcMaxAge;
        this.defaultReleaseManager = b.defaultReleaseManager;
        this.unstableRc = b.unstableRc;
        this.blockedResult = b.blockedResult;
        this.releasesWithoutRc = b.releasesWithoutRc;
        this.exceptionReach = b.exceptionReach;
        this.runway = b.runway;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String getName() {
        return name;
    }

    /** Full-name patterns of the jobs that release this product. */
    public List<JobPattern> getJobs() {
        return jobs;
    }

    /** Whether a build of this job may claim the product. */
    public boolean isBoundTo(String jobFullName) {
        return jobs.stream().anyMatch(p -> p.matches(jobFullName));
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public ZoneId getZone() {
        return schedule.getZone();
    }

    public Optional<String> getSlackChannel() {
        return Optional.ofNullable(slackChannel);
    }

    /** In flight longer than this (frozen days aside), an RC is stale and no longer blocks a new one. */
    public Duration getRcMaxAge() {
        return rcMaxAge;
    }

    /** An open RC older than this, freeze days excluded, has expired: twice {@code rcMaxAge}. */
    public Duration getRcExpiryAge() {
        return getRcMaxAge().multipliedBy(2);
    }

    /**
     * RCs started before this instant have expired at {@code now}: {@link #getRcExpiryAge()} of unfrozen time back
     * from {@code now}. Reading build history stops at the first RC mark started before it.
     */
    public Instant rcExpiryBound(Instant now) {
        Duration lookBack = getRcExpiryAge();
        Instant bound = now.minus(lookBack);
        // Frozen time does not count: reach back past it until the unfrozen time alone is the look-back.
        while (true) {
            Instant further = now.minus(lookBack).minus(getSchedule().frozenBetween(bound, now));
            if (!further.isBefore(bound)) {
                return bound;
            }
            bound = further;
        }
    }

    /** The user id made release manager when the build's causes name nobody. */
    public Optional<String> getDefaultReleaseManager() {
        return Optional.ofNullable(defaultReleaseManager);
    }

    public UnstableRc getUnstableRc() {
        return unstableRc;
    }

    public BlockedResult getBlockedResult() {
        return blockedResult;
    }

    /** Production may release with no RC to promote. */
    public boolean isReleasesWithoutRc() {
        return releasesWithoutRc;
    }

    public ExceptionReach getExceptionReach() {
        return exceptionReach;
    }

    /** How long production must stay open after a production release starts ({@link Duration#ZERO}: no runway). */
    public Duration getRunway() {
        return runway;
    }

    /** Collects a product's settings; {@link #build()} makes the immutable policy. */
    public static final class Builder {
        private final String name;
        private List<JobPattern> jobs = List.of();
        private ZoneId zone = TimeZones.DEFAULT;
        private WindowSpec windows;
        private List<Freeze> freezes = List.of();
        private String slackChannel;
        private Duration rcMaxAge = DEFAULT_RC_MAX_AGE;
        private String defaultReleaseManager;
        private UnstableRc unstableRc = UnstableRc.IN_FLIGHT;
        private BlockedResult blockedResult = BlockedResult.NOT_BUILT;
        private boolean releasesWithoutRc;
        private ExceptionReach exceptionReach = ExceptionReach.defaults();
        private Duration runway = Duration.ZERO;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new PolicyException("A product needs a name (such as checkout)");
            }
            this.name = name.trim();
        }

        public Builder jobs(List<JobPattern> jobs) {
            this.jobs = List.copyOf(jobs);
            return this;
        }

        /** The policy's zone: freezes are read in it, and windows without a zone of their own take it. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder windows(WindowSpec windows) {
            this.windows = Objects.requireNonNull(windows, "windows");
            return this;
        }

        public Builder freezes(List<Freeze> freezes) {
            this.freezes = List.copyOf(freezes);
            return this;
        }

        public Builder slackChannel(String channel) {
            this.slackChannel = blankToNull(channel);
            return this;
        }

        public Builder rcMaxAge(Duration age) {
            if (age.isZero() || age.isNegative()) {
                throw new PolicyException("rcMaxAge must be positive, not " + age);
            }
            this.rcMaxAge = age;
            return this;
        }

        public Builder defaultReleaseManager(String userId) {
            this.defaultReleaseManager = blankToNull(userId);
            return this;
        }

        public Builder unstableRc(UnstableRc unstableRc) {
            this.unstableRc = Objects.requireNonNull(unstableRc, "unstableRc");
            return this;
        }

        public Builder blockedResult(BlockedResult blockedResult) {
            this.blockedResult = Objects.requireNonNull(blockedResult, "blockedResult");
            return this;
        }

        public Builder releasesWithoutRc(boolean releasesWithoutRc) {
            this.releasesWithoutRc = releasesWithoutRc;
            return this;
        }

        public Builder exceptionReach(ExceptionReach reach) {
            this.exceptionReach = Objects.requireNonNull(reach, "exceptionReach");
            return this;
        }

        /** See {@link Runway#parse}: zero or positive, at most {@link Runway#MAX}. */
        public Builder runway(Duration runway) {
            if (runway.isNegative() || runway.compareTo(Runway.MAX) > 0) {
                throw new PolicyException("runway must be from 0 to " + Runway.format(Runway.MAX) + ", not "
                        + Runway.format(runway));
            }
            this.runway = runway;
            return this;
        }

        public ProductPolicy build() {
            if (windows == null) {
                windows = WindowSpec.parse(DEFAULT_WINDOWS, zone);
            }
            return new ProductPolicy(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }
    }
}
