package io.jenkins.plugins.releasegate.ledger;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import hudson.util.XStream2;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.AuditJournal;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.ledger.ReleaseLedger;

/**
 * Keeps core's {@link ReleaseLedger} in {@code $JENKINS_HOME/release-gate/ledger.xml}, apart from the configuration so
 * that applying Configuration as Code never wipes holds or RCs. The file holds only what is open; the audit goes to
 * core's append-only {@link AuditJournal} in {@code release-gate/audit/}, one file a day, kept for the configured
 * retention, so a change costs what is open, never what ever happened. Every change is saved before it is announced: when the
 * file cannot be written, {@link LedgerSaveException} replaces the events (so nobody announces them), the log says so,
 * and the status page shows it until a later save works. {@link #apply} is the one path that changes, saves and
 * announces, and prints a failed save on the build's console.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class LedgerStore {
    private static final Logger LOGGER = Logger.getLogger(LedgerStore.class.getName());
    static final XStream2 XSTREAM = new XStream2();

    static {
        XSTREAM.alias("release-gate-ledger", LedgerFile.class);
        XSTREAM.alias("candidate", CandidateRecord.class);
    }

    /** Audit lines read back at start-up, so the status page shows what happened lately. */
    static final int RECENT_READ = 2_000;

    private ReleaseLedger ledger;
    private AuditJournal journal;
    /** Why the last save failed; null once a save works. */
    private volatile String saveProblem;

    public static LedgerStore get() {
        return ExtensionList.lookupSingleton(LedgerStore.class);
    }

    /** Reads the ledger without changing it. */
    public synchronized <T> T read(Function<ReleaseLedger, T> query) {
        return query.apply(ledger());
    }

    /**
     * Changes the ledger and saves it, as one step; a look that changed nothing (a build still waiting) writes nothing.
     * Core's operations throw before they change anything.
     *
     * @throws LedgerSaveException when the change could not be saved: its result must not be announced
     */
    public synchronized <T> T change(Function<ReleaseLedger, T> operation) {
        long before = ledger().version();
        T result = operation.apply(ledger);
        if (ledger.version() != before) {
            save();
        }
        return result;
    }

    /**
     * Changes the ledger, saves it and announces what changed: the one path for a change that has events. A change that
     * could not be saved is not announced; the build's console (when a build asked), the log and the status page say so.
     *
     * @param console the console of the build that asked, if a build did
     * @throws LedgerSaveException when the change could not be saved
     */
    public List<LedgerEvent> apply(Function<ReleaseLedger, List<LedgerEvent>> operation,
            @CheckForNull TaskListener console) {
        List<LedgerEvent> events;
        try {
            events = change(operation);
        } catch (LedgerSaveException e) {
            if (console != null) {
                console.getLogger().println("Release Gate: " + e.getMessage());
            }
            throw e;
        }
        ReleaseEventListener.publish(events, console);
        return events;
    }

    /** Why the last save failed, for the status page; null when the ledger on disk is up to date. */
    @CheckForNull
    public String getSaveProblem() {
        return saveProblem;
    }

    /**
     * Changes the ledger in memory only, for a caller on a Pipeline's CPS VM thread, which must not write files; it
     * then calls {@link #saveNow()} from another thread, before announcing.
     */
    public synchronized <T> T changeInMemory(Function<ReleaseLedger, T> operation) {
        return operation.apply(ledger());
    }

    /**
     * Writes the ledger as it is now (after {@link #changeInMemory}).
     *
     * @throws LedgerSaveException when it could not be written: what changed must not be announced
     */
    public synchronized void saveNow() {
        ledger();
        save();
    }

    /** Forgets the ledger in memory and reads the file again (start-up, and tests that delete the file). */
    public synchronized void reload() {
        ledger = null;
        ledger();
    }

    /**
     * Deletes the audit days older than the retention.
     *
     * @return how many day files were deleted
     */
    public synchronized int pruneAudit(Instant now, int retentionDays) {
        try {
            return journal().prune(now, Duration.ofDays(retentionDays));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not delete audit days older than " + retentionDays + " days in "
                    + journal().dir(), e);
            return 0;
        }
    }

    static File file() {
        return new File(new File(Jenkins.get().getRootDir(), "release-gate"), "ledger.xml");
    }

    private ReleaseLedger ledger() {
        if (ledger == null) {
            ledger = load();
            if (!ledger.unwrittenAudit().isEmpty()) {
                // An older ledger.xml kept its audit inline: move it to the journal now, once.
                try {
                    save();
                } catch (LedgerSaveException e) {
                    // logged and shown on the status page; the next change tries again
                }
            } else {
                ledger.restoreRecentAudit(readRecentAudit());
            }
        }
        return ledger;
    }

    private AuditJournal journal() {
        if (journal == null) {
            journal = new AuditJournal(new File(file().getParentFile(), "audit").toPath());
        }
        return journal;
    }

    /** The latest audit lines within the retention, newest days first; an unreadable line is logged and skipped. */
    private List<AuditEntry> readRecentAudit() {
        Instant now = GateClock.now();
        int days = ReleaseGateConfiguration.get().getAuditRetentionDays();
        try {
            return journal().tail(RECENT_READ, now.minus(Duration.ofDays(days)), (f, problem) ->
                    LOGGER.warning("Skipped an audit line of " + f + " that could not be read: " + problem));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not read the audit in " + journal().dir(), e);
            return List.of();
        }
    }

    private static ReleaseLedger load() {
        XmlFile xml = new XmlFile(XSTREAM, file());
        if (!xml.exists()) {
            return new ReleaseLedger();
        }
        try {
            return ReleaseLedger.from(((LedgerFile) xml.read()).toData());
        } catch (IOException | RuntimeException e) {
            // Keep the unreadable file for a person to look at; history rebuilds what it can.
            File kept = new File(file().getPath() + ".unreadable-" + System.currentTimeMillis());
            LOGGER.log(Level.WARNING, "Could not read " + file() + "; kept it as " + kept
                    + " and starting from build history", e);
            if (!file().renameTo(kept)) {
                LOGGER.warning("Could not rename " + file() + " to " + kept);
            }
            return new ReleaseLedger();
        }
    }

    private void save() {
        try {
            new XmlFile(XSTREAM, file()).write(LedgerFile.of(ledger.export()));
            List<AuditEntry> unwritten = ledger.unwrittenAudit();
            journal().append(unwritten);
            ledger.auditWritten(unwritten.size());
            saveProblem = null;
        } catch (IOException e) {
            String problem = "could not save the release ledger to " + file() + " and its audit to " + journal().dir()
                    + " (" + e.getMessage() + "), so this "
                    + "change was not announced; it holds in memory until the next save works or Jenkins restarts. "
                    + "Check that the file and its folder are writable and the disk has room.";
            saveProblem = GateClock.now() + ": " + problem;
            LOGGER.log(Level.WARNING, "Release Gate " + problem, e);
            throw new LedgerSaveException(problem, e);
        }
    }
}
