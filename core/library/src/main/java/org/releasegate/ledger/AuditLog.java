package org.releasegate.ledger;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.releasegate.decision.AppliedUrgency;
import org.releasegate.decision.GateDecision;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.ReleaseCandidate;

/**
 * The ledger's audit: the one place its lines are worded, one method per kind of change. It keeps in memory only the
 * latest {@link #RECENT_KEPT} entries of each product (and of holds on every product), for the status page, and the
 * entries not yet written to the {@link AuditJournal}; the whole history lives in the journal, so the ledger's size and
 * the cost of a change do not grow with it. Not thread-safe; the {@link ReleaseLedger} that owns it serialises every
 * call.
 */
public final class AuditLog {
    /** Entries kept in memory per product (and for every product). */
    public static final int RECENT_KEPT = 100;
    /** Key of the entries about every product. */
    private static final String EVERY_PRODUCT = "";

    /** The latest entries by product, each numbered so products can be merged back in order. */
    private final Map<String, Deque<Numbered>> recent = new HashMap<>();
    private final List<AuditEntry> unwritten = new ArrayList<>();
    private long recorded;
    private long sequence;

    private record Numbered(long number, AuditEntry entry) {
    }

    AuditLog() {
    }

    /** How many entries were ever recorded here: every audited change counts once. */
    long recorded() {
        return recorded;
    }

    /** The latest entries about a product (with those about every product), oldest first. */
    List<AuditEntry> about(String product) {
        List<Numbered> both = new ArrayList<>(recent.getOrDefault(product, new ArrayDeque<>()));
        if (!product.equals(EVERY_PRODUCT)) {
            both.addAll(recent.getOrDefault(EVERY_PRODUCT, new ArrayDeque<>()));
        }
        both.sort(Comparator.comparingLong(Numbered::number));
        return both.stream().map(Numbered::entry).toList();
    }

    /** Entries recorded but not yet written to the journal, oldest first. */
    List<AuditEntry> unwritten() {
        return List.copyOf(unwritten);
    }

    /** The first {@code count} unwritten entries are in the journal now. */
    void written(int count) {
        unwritten.subList(0, Math.min(count, unwritten.size())).clear();
    }

    /** Entries from an older ledger file that kept its audit inline: remembered, and still to be written. */
    void restore(List<AuditEntry> saved) {
        saved.forEach(this::remember);
        unwritten.addAll(saved);
    }

    /** The latest entries read back from the journal (already written), oldest first. */
    void restoreRecent(List<AuditEntry> fromJournal) {
        fromJournal.forEach(this::remember);
    }

    private void remember(AuditEntry e) {
        Deque<Numbered> kept = recent.computeIfAbsent(e.product().orElse(EVERY_PRODUCT), p -> new ArrayDeque<>());
        kept.addLast(new Numbered(sequence++, e));
        if (kept.size() > RECENT_KEPT) {
            kept.removeFirst();
        }
    }

    void queued(Instant at, String product, Optional<Person> requester, BuildRef build, GateDecision decision) {
        record(at, product, requester, Action.QUEUED, build.toString(), ConsoleMessage.headline(decision));
    }

    void blocked(Instant at, String product, Optional<Person> requester, Optional<BuildRef> build,
            GateDecision decision) {
        record(at, product, requester, Action.BLOCKED, build.map(BuildRef::toString).orElse("-"),
                ConsoleMessage.headline(decision));
    }

    void superseded(Instant at, String product, Optional<Person> actor, ReleaseCandidate old, BuildRef newer,
            AppliedUrgency exception) {
        record(at, product, actor, Action.RC_SUPERSEDED, old.getBuild().toString(),
                "superseded by " + newer + ": " + exception.urgency());
    }

    void exceptionUsed(Instant at, String product, BuildRef build, AppliedUrgency exception) {
        record(at, product, exception.requester(), Action.EXCEPTION_USED, build.toString(),
                ConsoleMessage.exception(exception));
    }

    void rcStarted(Instant at, ReleaseCandidate rc) {
        record(at, rc.getProduct(), rc.getReleaseManager().person(), Action.RC_STARTED, rc.getBuild().toString(),
                "release manager " + rc.getReleaseManager().displayName());
    }

    void productionStarted(Instant at, String product, Optional<Person> requester, BuildRef build,
            Optional<ReleaseCandidate> promotes) {
        record(at, product, requester, Action.PRODUCTION_STARTED, build.toString(),
                promotes.map(rc -> "promotes " + rc.getBuild()).orElse("no release candidate"));
    }

    void rcBuildEnded(Instant at, String product, BuildRef build, BuildResult result, boolean failed) {
        record(at, product, Optional.empty(), failed ? Action.RC_FAILED : Action.RC_DEPLOYED, build.toString(),
                "build ended " + result);
    }

    void productionFinished(Instant at, String product, BuildRef build, boolean succeeded) {
        record(at, product, Optional.empty(), Action.PRODUCTION_FINISHED, build.toString(),
                succeeded ? "succeeded" : "did not succeed");
    }

    void promoted(Instant at, String product, Optional<Person> by, BuildRef rc) {
        record(at, product, by, Action.RC_PROMOTED, rc.toString(), "promoted to production");
    }

    void closedByPromotion(Instant at, String product, BuildRef closed, BuildRef promoted) {
        record(at, product, Optional.empty(), Action.RC_CLOSED, closed.toString(), "closed: " + promoted
                + " was promoted");
    }

    void rejected(Instant at, String product, Person by, BuildRef rc, String reason, String nextSteps) {
        record(at, product, Optional.of(by), Action.RC_REJECTED, rc.toString(),
                reason.trim() + " / next steps: " + nextSteps.trim());
    }

    void expired(Instant at, ReleaseCandidate rc) {
        record(at, rc.getProduct(), Optional.empty(), Action.RC_EXPIRED, rc.getBuild().toString(),
                rc.getClosure().map(ReleaseCandidate.Closure::reason).orElse("expired")
                        + "; release manager " + rc.getReleaseManager().displayName());
    }

    void handedOver(Instant at, String product, Person by, BuildRef rc, String from, Person to) {
        record(at, product, Optional.of(by), Action.HANDED_OVER, rc.toString(), "from " + from + " to " + to);
    }

    void leftQueue(Instant at, String product, BuildRef build, String why) {
        record(at, product, Optional.empty(), Action.LEFT_QUEUE, build.toString(), why);
    }

    void holdPlaced(Instant at, Hold hold) {
        record(at, hold.product(), Optional.of(hold.author()), Action.HOLD_PLACED, hold.id(), hold.reason()
                + hold.expiresAt().map(e -> " (expires " + e + ")").orElse(""));
    }

    void holdLifted(Instant at, Hold hold, Person by) {
        record(at, hold.product(), Optional.of(by), Action.HOLD_LIFTED, hold.id(), hold.reason());
    }

    void holdExpired(Instant at, Hold hold) {
        record(at, hold.product(), Optional.empty(), Action.HOLD_EXPIRED, hold.id(), hold.reason());
    }

    void rebuilt(Instant at, String product, RebuildResult result) {
        record(at, product, Optional.empty(), Action.REBUILT, product,
                "read " + result.buildsRead() + " builds; " + result.candidates().size() + " release candidates");
    }

    void buildRemoved(Instant at, String product, BuildRef build, String what) {
        record(at, product, Optional.empty(), Action.BUILD_REMOVED, build.toString(), "build deleted: " + what);
    }

    void jobMoved(Instant at, String product, String from, String to) {
        record(at, product, Optional.empty(), Action.JOB_MOVED, to, "renamed or moved from " + from);
    }

    private void record(Instant at, String product, Optional<Person> actor, Action action, String subject,
            String detail) {
        record(at, Optional.of(product), actor, action, subject, detail);
    }

    private void record(Instant at, Optional<String> product, Optional<Person> actor, Action action, String subject,
            String detail) {
        recorded++;
        AuditEntry e = new AuditEntry(at, product, actor, action, subject, detail);
        remember(e);
        unwritten.add(e);
    }
}
