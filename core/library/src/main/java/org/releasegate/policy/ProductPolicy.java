package org.releasegate.policy;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Schedule;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;

/** What the admin set for one product. Immutable; built with {@link #builder(String)}. */
public final class ProductPolicy {
    /** The seed's production window. */
    public static final String DEFAULT_WINDOWS = "Mon-Thu 08:00-16:00";

    private final String name;
    private final List<String> jobs;
    private final Schedule schedule;
    private final String slackChannel;

    private ProductPolicy(Builder b) {
        this.name = b.name;
        this.jobs = List.copyOf(b.jobs);
        this.schedule = new Schedule(b.windows, b.freezes, b.zone);
        this.slackChannel = b.slackChannel;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String getName() {
        return name;
    }

    /** Full-name patterns of the jobs that release this product. */
    public List<String> getJobs() {
        return jobs;
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

    /** Collects a product's settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private List<String> jobs = List.of();
        private ZoneId zone = TimeZones.DEFAULT;
        private WindowSpec windows;
        private List<Freeze> freezes = List.of();
        private String slackChannel;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new PolicyException("A product needs a name (such as checkout)");
            }
            this.name = name.trim();
        }

        public Builder jobs(List<String> jobs) {
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
            this.slackChannel = channel == null || channel.isBlank() ? null : channel.trim();
            return this;
        }

        public ProductPolicy build() {
            if (windows == null) {
                windows = WindowSpec.parse(DEFAULT_WINDOWS, zone);
            }
            return new ProductPolicy(this);
        }
    }
}
