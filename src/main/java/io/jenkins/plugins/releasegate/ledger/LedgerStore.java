package io.jenkins.plugins.releasegate.ledger;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.util.XStream2;
import java.io.File;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.ReleaseLedger;

/**
 * Keeps core's {@link ReleaseLedger} in {@code $JENKINS_HOME/release-gate/ledger.xml}, apart from the configuration so
 * that applying Configuration as Code never wipes holds or RCs. Every change is saved before it is announced.
 */
@Extension
@Restricted(NoExternalUse.class)
public final class LedgerStore {
    private static final Logger LOGGER = Logger.getLogger(LedgerStore.class.getName());
    private static final XStream2 XSTREAM = new XStream2();

    static {
        XSTREAM.alias("release-gate-ledger", LedgerFile.class);
        XSTREAM.alias("candidate", CandidateRecord.class);
    }

    private ReleaseLedger ledger;

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
     * Changes the ledger in memory only, for a caller on a Pipeline's CPS VM thread, which must not write files; it
     * then calls {@link #saveNow()} from another thread, before announcing.
     */
    public synchronized <T> T changeInMemory(Function<ReleaseLedger, T> operation) {
        return operation.apply(ledger());
    }

    /** Writes the ledger as it is now (after {@link #changeInMemory}). */
    public synchronized void saveNow() {
        ledger();
        save();
    }

    /** Forgets the ledger in memory and reads the file again (start-up, and tests that delete the file). */
    public synchronized void reload() {
        ledger = null;
        ledger();
    }

    static File file() {
        return new File(new File(Jenkins.get().getRootDir(), "release-gate"), "ledger.xml");
    }

    private ReleaseLedger ledger() {
        if (ledger == null) {
            ledger = load();
        }
        return ledger;
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
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the release ledger to " + file(), e);
        }
    }
}
