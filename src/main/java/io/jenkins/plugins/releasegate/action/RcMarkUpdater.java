package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.ledger.CandidateRecord;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.rc.ReleaseCandidate;

/** Keeps the RC mark on each build in step with the ledger, so build history can rebuild the ledger. */
@Extension(ordinal = 100)
@Restricted(NoExternalUse.class)
public final class RcMarkUpdater extends ReleaseEventListener {
    private static final Logger LOGGER = Logger.getLogger(RcMarkUpdater.class.getName());

    @Override
    public void onEvents(List<LedgerEvent> events, @CheckForNull TaskListener console) {
        for (LedgerEvent e : events) {
            for (ReleaseCandidate rc : candidatesOf(e)) {
                mark(rc);
            }
        }
    }

    private static List<ReleaseCandidate> candidatesOf(LedgerEvent e) {
        List<ReleaseCandidate> out = new ArrayList<>();
        if (e instanceof LedgerEvent.RcStarted s) {
            out.add(s.rc());
        } else if (e instanceof LedgerEvent.RcSuperseded s) {
            out.add(s.closed());
        } else if (e instanceof LedgerEvent.RcFailed f) {
            out.add(f.rc());
        } else if (e instanceof LedgerEvent.RcPromoted p) {
            out.add(p.rc());
            out.addAll(p.closed());
        } else if (e instanceof LedgerEvent.RcRejected r) {
            out.add(r.rc());
        } else if (e instanceof LedgerEvent.HandedOver h) {
            out.add(h.rc());
        } else if (e instanceof LedgerEvent.RcDeployed d) {
            out.add(d.rc());
        } else if (e instanceof LedgerEvent.RcExpired x) {
            out.add(x.rc());
        }
        return out;
    }

    /** Puts the RC's state on its build, adding the mark when the build has none yet. */
    public static void mark(ReleaseCandidate rc) {
        Run<?, ?> run = Builds.find(rc.getBuild());
        if (run == null) {
            return; // deleted: the ledger forgets it at the next rebuild
        }
        CandidateRecord record = CandidateRecord.of(rc);
        synchronized (run) {
            ReleaseCandidateAction action = run.getAction(ReleaseCandidateAction.class);
            if (action == null) {
                run.addAction(new ReleaseCandidateAction(record));
            } else {
                action.update(record);
            }
        }
        try {
            run.save();
        } catch (IOException ex) {
            LOGGER.log(Level.WARNING, "Could not save the release candidate mark of " + rc.getBuild(), ex);
        }
    }
}
