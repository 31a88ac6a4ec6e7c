package org.releasegate.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.AuditJournal;
import org.releasegate.ledger.GateMode;
import org.releasegate.ledger.LedgerData;
import org.releasegate.ledger.ReleaseLedger;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;

/**
 * One ledger change as the plugin saves it, with 10 or 500,000 audit entries behind it: a build blocked by a hold (an
 * audited change), the state the store writes ({@link ReleaseLedger#export()}) and the audit line appended to the
 * journal on disk. Cost must follow what is open, not what ever happened: the ratio of the two must stay under 1.5.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class AuditedChangeBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Param({"10", "500000"})
    public int behind;

    private final ProductPolicy policy = ProductPolicy.builder("checkout").build();
    private ReleaseLedger ledger;
    private AuditJournal journal;
    private Path dir;
    private GateRequest blocked;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("release-gate-audit");
        journal = new AuditJournal(dir);
        ledger = new ReleaseLedger();
        ledger.placeHold(Optional.of("checkout"), ALICE, "DB migration", Optional.empty(), false, NOW);
        blocked = GateRequest.builder(Stage.RC).build(new BuildRef("checkout/release-candidate", 1)).requester(ALICE)
                .releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build();
        for (int n = 1; n < behind; n++) {
            ledger.gate(policy, blocked, NOW, GateMode.ONCE);
            if (n % 10_000 == 0) {
                write();
            }
        }
        write();
        long lines;
        try (Stream<Path> files = Files.list(dir)) {
            lines = files.mapToLong(AuditedChangeBenchmark::lines).sum();
        }
        if (lines != behind) {
            throw new IllegalStateException("expected " + behind + " audit entries behind the change, found " + lines);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One change, saved: decided and applied, the open state exported, its audit line appended. */
    @Benchmark
    public LedgerData oneChange() throws IOException {
        ledger.gate(policy, blocked, NOW, GateMode.ONCE);
        LedgerData saved = ledger.export();
        write();
        return saved;
    }

    private void write() throws IOException {
        List<AuditEntry> unwritten = new ArrayList<>(ledger.unwrittenAudit());
        journal.append(unwritten);
        ledger.auditWritten(unwritten.size());
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
