package io.jenkins.plugins.releasegate.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerData;
import org.releasegate.rc.BuildRef;

/**
 * What {@code $JENKINS_HOME/release-gate/ledger.xml} holds: every product's release state, the holds and the audit.
 * Plain classes only; names are forever.
 */
@Restricted(NoExternalUse.class)
final class LedgerFile {
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
        data.audit().forEach(e -> file.audit.add(AuditRecord.of(e)));
        file.nextHoldNumber = data.nextHoldNumber();
        return file;
    }

    LedgerData toData() {
        Map<String, LedgerData.Product> out = new HashMap<>();
        for (ProductRecord r : nonNull(products)) {
            out.put(r.name, new LedgerData.Product(
                    nonNull(r.candidates).stream().map(CandidateRecord::toCandidate).toList(),
                    nonNull(r.queue).stream().map(WaiterRecord::toWaiter).toList(),
                    Optional.ofNullable(r.productionInProgress).map(BuildRef::parse),
                    Optional.ofNullable(r.pendingPromotion).map(BuildRef::parse),
                    new HashSet<>(nonNull(r.staleAnnounced).stream().map(BuildRef::parse).toList())));
        }
        return new LedgerData(out, nonNull(holds).stream().map(HoldRecord::toHold).toList(),
                nonNull(audit).stream().map(AuditRecord::toEntry).toList(), Math.max(1, nextHoldNumber));
    }

    /** XStream leaves a list null when the file lacks it (an older file, a hand edit). */
    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
