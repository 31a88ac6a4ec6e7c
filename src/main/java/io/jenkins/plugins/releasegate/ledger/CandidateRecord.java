package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

/**
 * A release candidate as XStream persists it (in the ledger file and in the RC mark on its build) and as the REST API
 * exports it. XStream cannot read core's records back, so this plain class stands in for them. Field names are
 * forever: add, never rename.
 */
@ExportedBean(defaultVisibility = 2)
@Restricted(NoExternalUse.class)
public final class CandidateRecord {
    private final String build;
    private final String product;
    private final String state;
    private final ReleaseManagerRecord releaseManager;
    private final List<PersonRecord> changeAuthors;
    private final UrgencyRecord urgency;
    private final long startedAt;
    private final List<EventRecord> history;
    private final ClosureRecord closure;

    private CandidateRecord(ReleaseCandidate rc) {
        this.build = rc.getBuild().toString();
        this.product = rc.getProduct();
        this.state = rc.getState().name();
        this.releaseManager = ReleaseManagerRecord.of(rc.getReleaseManager());
        this.changeAuthors = new ArrayList<>(rc.getChangeAuthors().stream().map(PersonRecord::of).toList());
        this.urgency = rc.getUrgency().map(UrgencyRecord::of).orElse(null);
        this.startedAt = rc.getStartedAt().toEpochMilli();
        this.history = new ArrayList<>(rc.getHistory().stream().map(EventRecord::of).toList());
        this.closure = rc.getClosure().map(ClosureRecord::of).orElse(null);
    }

    public static CandidateRecord of(ReleaseCandidate rc) {
        return new CandidateRecord(rc);
    }

    public ReleaseCandidate toCandidate() {
        List<Person> authors = changeAuthors == null ? List.of()
                : changeAuthors.stream().map(PersonRecord::toPerson).filter(Objects::nonNull).toList();
        return ReleaseCandidate.restore(BuildRef.parse(build), product, releaseManager.toReleaseManager(), authors,
                Optional.ofNullable(urgency).map(UrgencyRecord::toUrgency), Instant.ofEpochMilli(startedAt),
                RcState.valueOf(state), history == null ? List.of() : history.stream().map(EventRecord::toEvent).toList(),
                Optional.ofNullable(closure).map(ClosureRecord::toClosure));
    }

    public String getBuild() {
        return build;
    }

    @Exported
    public String getProduct() {
        return product;
    }

    @Exported
    public String getState() {
        return state;
    }

    @Exported
    public ReleaseManagerRecord getReleaseManager() {
        return releaseManager;
    }

    @Exported
    public List<PersonRecord> getChangeAuthors() {
        return changeAuthors == null ? List.of() : changeAuthors.stream().filter(Objects::nonNull).toList();
    }

    @Exported
    @CheckForNull
    public UrgencyRecord getUrgency() {
        return urgency;
    }

    @Exported
    public String getStartedAt() {
        return Instant.ofEpochMilli(startedAt).toString(); // within Instant's range for every long: never throws
    }

    @Exported
    public List<EventRecord> getHistory() {
        return history == null ? List.of() : history.stream().filter(Objects::nonNull).toList();
    }

    @Exported
    @CheckForNull
    public ClosureRecord getClosure() {
        return closure;
    }
}
