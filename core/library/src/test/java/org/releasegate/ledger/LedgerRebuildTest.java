package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.inFlight;
import static org.releasegate.Fixtures.rcBuild;
import static org.releasegate.Fixtures.started;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.Test;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;

public class LedgerRebuildTest {
    private static final Instant NOW = THURSDAY_10AM;

    /** A lazy newest-first history of {@code depth} builds, counting how many were read. */
    static final class CountingHistory implements Iterator<BuildRecord> {
        private final int depth;
        private final IntFunction<BuildRecord> build;
        private int read;

        CountingHistory(int depth, IntFunction<BuildRecord> build) {
            this.depth = depth;
            this.build = build;
        }

        @Override
        public boolean hasNext() {
            return read < depth;
        }

        @Override
        public BuildRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return build.apply(depth - read++);
        }

        int read() {
            return read;
        }
    }

    private static BuildRecord plain(int number, Instant startedAt) {
        return new BuildRecord(rcBuild(number), startedAt, false, Optional.of(BuildResult.SUCCESS), Optional.empty());
    }

    private static BuildRecord marked(ReleaseCandidate rc, boolean building, BuildResult result) {
        return new BuildRecord(rc.getBuild(), rc.getStartedAt(), building, Optional.ofNullable(result), Optional.of(rc));
    }

    /** Builds an hour apart, newest now; build {@code depth - 3} is a promoted RC, the newest is in flight. */
    private static BuildRecord hourly(int depth, int number) {
        Instant at = NOW.minus(Duration.ofHours(depth - number));
        if (number == depth) {
            return marked(inFlight(number, ALICE, at), false, BuildResult.SUCCESS);
        }
        if (number == depth - 3) {
            return marked(inFlight(number, BOB, at).promote(Optional.empty(), at.plusSeconds(60)), false,
                    BuildResult.SUCCESS);
        }
        return plain(number, at);
    }

    @Test
    public void readingStopsAtTheNewestPromotedRcWhateverTheDepth() {
        int[] counts = new int[3];
        int[] depths = {10, 1_000, 100_000};
        for (int i = 0; i < depths.length; i++) {
            int depth = depths[i];
            CountingHistory history = new CountingHistory(depth, n -> hourly(depth, n));
            RebuildResult result = LedgerRebuild.read(checkout(), history, NOW);
            assertEquals(RebuildResult.StopReason.PROMOTED_RC, result.stoppedBy());
            assertEquals(2, result.candidates().size());
            counts[i] = history.read();
        }
        assertEquals(4, counts[0]);
        assertEquals(counts[0], counts[1]);
        assertEquals(counts[0], counts[2]);
    }

    @Test
    public void withoutAPromotionReadingStopsAtTheFirstRcMarkOlderThanTheExpiryAge() {
        int[] depths = {10, 1_000, 100_000};
        int[] counts = new int[3];
        for (int i = 0; i < depths.length; i++) {
            int depth = depths[i];
            // A build every 6 hours, every 10th an RC in flight, none promoted: the bound (2 x 7 days) is 56 builds
            // back, and the first RC mark past it is 60 builds back.
            CountingHistory history = new CountingHistory(depth, n -> {
                Instant at = NOW.minus(Duration.ofHours(6L * (depth - n)));
                return (depth - n) % 10 == 0 ? marked(inFlight(n, ALICE, at), false, BuildResult.SUCCESS) : plain(n, at);
            });
            RebuildResult result = LedgerRebuild.read(checkout(), history, NOW);
            counts[i] = history.read();
            if (depth > 100) {
                assertEquals(RebuildResult.StopReason.AGE_BOUND, result.stoppedBy());
                ReleaseCandidate last = result.candidates().get(result.candidates().size() - 1);
                assertEquals("the expired RC is reported, not dropped", rcBuild(depth - 60), last.getBuild());
                assertTrue(last.isExpired(NOW, checkout()));
                assertEquals(7, result.candidates().size());
            } else {
                assertEquals(RebuildResult.StopReason.END_OF_HISTORY, result.stoppedBy());
            }
        }
        assertEquals(10, counts[0]);
        assertEquals(61, counts[1]);
        assertEquals(counts[1], counts[2]);
    }

    @Test
    public void buildsWithoutAnRcMarkDoNotStopTheReaderPastTheExpiryAge() {
        // Plain builds far past the bound, then a forgotten RC: it is found and reported.
        ReleaseCandidate forgotten = inFlight(3, BOB, NOW.minus(Duration.ofDays(40)));
        List<BuildRecord> history = List.of(plain(5, NOW.minus(Duration.ofDays(20))), plain(4, NOW.minus(Duration.ofDays(30))),
                marked(forgotten, false, BuildResult.SUCCESS), plain(2, NOW.minus(Duration.ofDays(50))));
        RebuildResult result = LedgerRebuild.read(checkout(), history.iterator(), NOW);
        assertEquals(3, result.buildsRead());
        assertEquals(RebuildResult.StopReason.AGE_BOUND, result.stoppedBy());
        assertEquals(List.of(rcBuild(3)), result.candidates().stream().map(ReleaseCandidate::getBuild).toList());
        assertEquals(RcState.IN_FLIGHT, result.candidates().get(0).getState());
    }

    @Test
    public void ageBoundLooksFurtherBackOverAFreeze() {
        Instant afterHolidays = Instant.parse("2027-01-06T15:00:00Z");
        Instant bound = LedgerRebuild.ageBound(checkout(), afterHolidays);
        // 14 unfrozen days back from 2027-01-06 skip the 15 days of 2026-12-21..2027-01-04.
        assertEquals(Instant.parse("2026-12-08T15:00:00Z"), bound);
        assertEquals(Instant.parse("2026-11-12T15:00:00Z"), LedgerRebuild.ageBound(checkout(), THURSDAY_10AM));
    }

    @Test
    public void runningMarkOfAFinishedBuildIsBroughtUpToDate() {
        ReleaseCandidate running = started(41, ALICE, NOW.minusSeconds(3600));
        BuildRecord crashed = marked(running, false, BuildResult.FAILURE);
        BuildRecord stillGoing = marked(started(42, BOB, NOW.minusSeconds(60)), true, null);
        RebuildResult result = LedgerRebuild.read(checkout(), List.of(stillGoing, crashed).iterator(), NOW);
        assertEquals(RcState.RUNNING, result.candidates().get(0).getState());
        assertEquals(RcState.FAILED, result.candidates().get(1).getState());
        assertEquals(RebuildResult.StopReason.END_OF_HISTORY, result.stoppedBy());
    }

    @Test
    public void marksOfOtherProductsAreIgnored() {
        ReleaseCandidate other = ReleaseCandidate.started(rcBuild(5), "search", org.releasegate.Fixtures.managedBy(BOB),
                List.of(), Optional.empty(), NOW);
        RebuildResult result = LedgerRebuild.read(checkout(), List.of(marked(other, true, null)).iterator(), NOW);
        assertTrue(result.candidates().isEmpty());
    }

    @Test
    public void mergedHistoriesAreNewestFirstAndLazy() {
        CountingHistory a = new CountingHistory(1000, n -> plain(n, NOW.minus(Duration.ofHours(2L * (1000 - n)))));
        CountingHistory b = new CountingHistory(1000, n -> new BuildRecord(new BuildRef("checkout/deploy", n),
                NOW.minus(Duration.ofHours(2L * (1000 - n) + 1)), false, Optional.empty(), Optional.empty()));
        Iterator<BuildRecord> merged = LedgerRebuild.merge(List.of(a, b));
        Instant previous = Instant.MAX;
        for (int i = 0; i < 6; i++) {
            BuildRecord r = merged.next();
            assertTrue(!r.startedAt().isAfter(previous));
            previous = r.startedAt();
            assertEquals(i % 2 == 0 ? "checkout/release-candidate" : "checkout/deploy", r.build().job());
        }
        assertTrue(a.read() <= 4 && b.read() <= 4);
    }

    @Test
    public void ledgerRebuildRepairsWhatHistoryReachesAndKeepsTheRest() {
        ReleaseLedger ledger = new ReleaseLedger();
        ledger.gate(checkout(), org.releasegate.Fixtures.rcRequest(50, BOB), NOW.minus(Duration.ofDays(100)), GateMode.ONCE);
        ledger.gate(checkout(), org.releasegate.Fixtures.rcRequest(41, ALICE), NOW.minusSeconds(7200), GateMode.ONCE);
        // History: #41 was deleted; #42 is an RC the ledger lost.
        ReleaseCandidate lost = inFlight(42, BOB, NOW.minusSeconds(3600));
        RebuildResult result = ledger.rebuild(checkout(), List.of(marked(lost, false, BuildResult.SUCCESS),
                plain(40, NOW.minus(Duration.ofDays(30)))).iterator(), NOW);
        assertEquals(RebuildResult.StopReason.END_OF_HISTORY, result.stoppedBy());
        LedgerSnapshot s = ledger.snapshot("checkout");
        assertEquals(List.of(org.releasegate.Fixtures.rcBuild(42), org.releasegate.Fixtures.rcBuild(50)),
                s.candidates().stream().map(ReleaseCandidate::getBuild).toList());
        assertEquals(AuditEntry.Action.REBUILT, ledger.audit("checkout").get(ledger.audit("checkout").size() - 1).action());
    }

    @Test
    public void rebuildStoppingAtAPromotionClosesOlderOpenRcs() {
        ReleaseLedger ledger = new ReleaseLedger();
        ledger.gate(checkout(), org.releasegate.Fixtures.rcRequest(30, ALICE), NOW.minus(Duration.ofDays(3)), GateMode.ONCE);
        ReleaseCandidate promoted = inFlight(31, BOB, NOW.minus(Duration.ofDays(1))).promote(Optional.empty(), NOW);
        ledger.rebuild(checkout(), List.of(marked(promoted, false, BuildResult.SUCCESS)).iterator(), NOW);
        assertEquals(RcState.SUPERSEDED, ledger.snapshot("checkout").candidate(rcBuild(30)).orElseThrow().getState());
    }
}
