package io.jenkins.plugins.releasegate.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerData;
import org.releasegate.rc.BuildRef;

/**
 * What {@code $JENKINS_HOME/release-gate/ledger.xml} holds: what is open in every product's release state, and the
 * holds. Older files also held the audit inline ({@code audit}), which is read once and moved to the journal. Plain
 * classes only; names are forever.
 */
@Restricted(NoExternalUse.class)
final class LedgerFile {
    private static final Logger LOGGER = Logger.getLogger(LedgerFile.class.getName());

    private List<ProductRecord> products = new ArrayList<>();
    private List<HoldRecord> holds = new ArrayList<>();
    private List<AuditRecord> audit = new ArrayList<>();
    private long nextHoldNumber = 1;

    /** One product's state. */
    static final class ProductRecord {
        private String name;
        private List<CandidateRecord> candidates = new ArrayList<>();
        private List<WaiterRecord> queue = new ArrayList<>();
        private String productionInProgress;
        private String pendingPromotion;
        private List<String> staleAnnounced = new ArrayList<>();
    }

    static LedgerFile of(LedgerData data) {
        LedgerFile file = new LedgerFile();
        data.products().forEach((name, p) -> {
            ProductRecord r = new ProductRecord();
            r.name = name;
            p.candidates().forEach(rc -> r.candidates.add(CandidateRecord.of(rc)));
            p.queue().forEach(w -> r.queue.add(WaiterRecord.of(w)));
            r.productionInProgress = p.productionInProgress().map(BuildRef::toString).orElse(null);
            r.pendingPromotion = p.pendingPromotion().map(BuildRef::toString).orElse(null);
            p.staleAnnounced().forEach(b -> r.staleAnnounced.add(b.toString()));
            file.products.add(r);
        });
        data.holds().forEach(h -> file.holds.add(HoldRecord.of(h)));
        file.audit = null; // the audit lives in the journal now; older files kept it here, and are still read
        file.nextHoldNumber = data.nextHoldNumber();
        return file;
    }

    /**
     * The ledger this file holds, read record by record: a record that cannot be read (an enum constant a later
     * version renamed, a release manager missing) is logged and skipped, and every other record is kept. XStream2's
     * robust converters already skip elements of unknown types the same way.
     */
    LedgerData toData() {
        Map<String, LedgerData.Product> out = new HashMap<>();
        for (ProductRecord r : nonNull(products)) {
            if (r == null || r.name == null) {
                skipped("a product without a name", null);
                continue;
            }
            String where = "product " + r.name;
            out.put(r.name, new LedgerData.Product(
                    each(r.candidates, CandidateRecord::toCandidate, "a release candidate of " + r.name),
                    each(r.queue, WaiterRecord::toWaiter, "a waiting build of " + r.name),
                    one(r.productionInProgress, BuildRef::parse, where + ": the production release in progress"),
                    one(r.pendingPromotion, BuildRef::parse, where + ": the RC its production release promotes"),
                    new HashSet<>(each(r.staleAnnounced, BuildRef::parse, where + ": a stale RC already announced"))));
        }
        return new LedgerData(out, each(holds, HoldRecord::toHold, "a hold"),
                each(audit, AuditRecord::toEntry, "an audit line"), Math.max(1, nextHoldNumber));
    }

    /** Each record read on its own; one that cannot be read is logged and left out. */
    static <R, T> List<T> each(List<R> records, Function<R, T> read, String what) {
        List<T> out = new ArrayList<>();
        for (R record : nonNull(records)) {
            try {
                out.add(read.apply(Objects.requireNonNull(record, "empty element")));
            } catch (RuntimeException e) {
                skipped(what, e);
            }
        }
        return out;
    }

    private static <T> Optional<T> one(String text, Function<String, T> read, String what) {
        try {
            return Optional.ofNullable(text).map(read);
        } catch (RuntimeException e) {
            skipped(what, e);
            return Optional.empty();
        }
    }

    private static void skipped(String what, Throwable why) {
        LOGGER.log(Level.WARNING, "Skipped " + what + " in " + LedgerStore.file() + " that could not be read"
                + (why == null ? "" : ": " + why) + "; every other record is kept", why);
    }

    /** XStream leaves a list null when the file lacks it (an older file, a hand edit). */
    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
