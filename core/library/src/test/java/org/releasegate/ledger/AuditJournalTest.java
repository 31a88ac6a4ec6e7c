package org.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.CAROL;
import static org.releasegate.Fixtures.THURSDAY_10AM;
import static org.releasegate.Fixtures.checkout;
import static org.releasegate.Fixtures.rcRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.releasegate.ledger.AuditEntry.Action;
import org.releasegate.people.Person;

/** The audit as an append-only journal with retention, and a ledger whose saved state holds only what is open. */
public class AuditJournalTest {
    private static final Instant T = THURSDAY_10AM;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final List<String> unreadable = new ArrayList<>();

    private static AuditEntry entry(Instant at, String subject) {
        return new AuditEntry(at, Optional.of("checkout"), Optional.of(ALICE), Action.BLOCKED, subject, "held");
    }

    private AuditJournal journal() throws IOException {
        return new AuditJournal(tmp.getRoot().toPath().resolve("audit"));
    }

    private List<AuditEntry> tail(AuditJournal j, int limit, Instant notBefore) throws IOException {
        return j.tail(limit, notBefore, (file, problem) -> unreadable.add(file.getFileName() + " " + problem));
    }

    @Test
    public void aLineKeepsEveryFieldWhateverTheTextHolds() {
        AuditEntry e = new AuditEntry(T, Optional.of("check\tout"), Optional.of(Person.user("bob", "Bob \\ Baker")),
                Action.RC_REJECTED, "checkout/rc#4", "totals wrong\nnext steps:\r\tfix \\n in #5");
        String line = AuditLine.format(e);
        assertFalse(line, line.contains("\n") || line.contains("\r"));
        assertEquals(7, line.split("\t", -1).length);
        assertEquals(e, AuditLine.parse(line));
        AuditEntry nobody = new AuditEntry(T, Optional.empty(), Optional.empty(), Action.HOLD_EXPIRED, "hold-1", "");
        assertEquals(nobody, AuditLine.parse(AuditLine.format(nobody)));
        AuditEntry nameOnly = new AuditEntry(T, Optional.of("checkout"), Optional.of(Person.named("Dana")),
                Action.RC_STARTED, "x#1", "d");
        assertEquals(nameOnly, AuditLine.parse(AuditLine.format(nameOnly)));
        assertEquals("2026-11-26T15:00:00Z\tcheckout\talice\tAlice Archer\tBLOCKED\tx#1\theld",
                AuditLine.format(entry(T, "x#1")));
    }

    @Test
    public void aBadLineSaysWhatIsWrong() {
        assertEquals("expected 7 tab-separated fields, found 2",
                assertThrows(IllegalArgumentException.class, () -> AuditLine.parse("a\tb")).getMessage());
        assertEquals("not an instant: yesterday", assertThrows(IllegalArgumentException.class,
                () -> AuditLine.parse("yesterday\t\t\t\tBLOCKED\ts\td")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AuditLine.parse("2026-11-26T15:00:00Z\t\t\t\tLIMBO\ts\td"));
        assertEquals("unknown escape \\x in: a\\xb", assertThrows(IllegalArgumentException.class,
                () -> AuditLine.unescape("a\\xb")).getMessage());
        assertEquals("a lone backslash ends the field: ab\\", assertThrows(IllegalArgumentException.class,
                () -> AuditLine.unescape("ab\\")).getMessage());
    }

    @Test
    public void entriesAreAppendedToTheFileOfTheirDay() throws IOException {
        AuditJournal j = journal();
        j.append(List.of());
        assertFalse("nothing to write creates nothing", Files.exists(j.dir()));
        j.append(List.of(entry(T, "a#1"), entry(T.plus(Duration.ofDays(1)), "a#2")));
        j.append(List.of(entry(T.plusSeconds(60), "a#3")));
        assertEquals(List.of("a#1", "a#3"), Files.readAllLines(j.dir().resolve("audit-2026-11-26.log"))
                .stream().map(l -> AuditLine.parse(l).subject()).toList());
        assertEquals(1, Files.readAllLines(j.dir().resolve("audit-2026-11-27.log")).size());
        assertEquals(List.of("a#1", "a#3", "a#2"), tail(j, 10, Instant.EPOCH).stream().map(AuditEntry::subject).toList());
    }

    @Test
    public void theTailIsTheNewestEntriesOldestFirstAndReadsOnlyTheDaysItNeeds() throws IOException {
        AuditJournal j = journal();
        for (int day = 0; day < 5; day++) {
            for (int n = 0; n < 3; n++) {
                j.append(List.of(entry(T.plus(Duration.ofDays(day)).plusSeconds(n), day + "#" + n)));
            }
        }
        // An unreadable line in the oldest day: a tail that does not need that day never opens it.
        Files.writeString(j.dir().resolve("audit-2026-11-26.log"), "garbage\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("3#2", "4#0", "4#1", "4#2"),
                tail(j, 4, Instant.EPOCH).stream().map(AuditEntry::subject).toList());
        assertEquals(List.of(), unreadable);
        assertEquals(List.of("4#0", "4#1", "4#2"), tail(j, 3, Instant.EPOCH).stream().map(AuditEntry::subject).toList());
        assertEquals(List.of(), unreadable);
        // Not before a day boundary: older days are not read, older entries of that day are left out.
        assertEquals(List.of("3#1", "3#2", "4#0", "4#1", "4#2"), tail(j, 100, T.plus(Duration.ofDays(3)).plusSeconds(1))
                .stream().map(AuditEntry::subject).toList());
        assertEquals(List.of(), unreadable);
        // Reading everything skips the bad line, says where it was, and keeps the rest.
        assertEquals(15, tail(j, 100, Instant.EPOCH).size());
        assertEquals(List.of("audit-2026-11-26.log line 4: expected 7 tab-separated fields, found 1"), unreadable);
        assertEquals(List.of(), tail(j, 0, Instant.EPOCH));
    }

    @Test
    public void retentionDeletesWholeDaysOlderThanIt() throws IOException {
        AuditJournal j = journal();
        for (int day = 0; day < 5; day++) {
            j.append(List.of(entry(T.plus(Duration.ofDays(day)), "d" + day)));
        }
        Files.writeString(j.dir().resolve("notes.txt"), "not ours");
        Files.writeString(j.dir().resolve("audit-2026-13-45.log"), "not a day");
        Instant now = T.plus(Duration.ofDays(4));
        assertEquals(0, j.prune(now, Duration.ofDays(4)));
        assertEquals(2, j.prune(now, Duration.ofDays(2)));
        assertEquals(List.of("d2", "d3", "d4"), tail(j, 10, Instant.EPOCH).stream().map(AuditEntry::subject).toList());
        assertTrue("files that are not days are left alone", Files.exists(j.dir().resolve("notes.txt"))
                && Files.exists(j.dir().resolve("audit-2026-13-45.log")));
        assertEquals(0, new AuditJournal(tmp.getRoot().toPath().resolve("none")).prune(now, Duration.ZERO));
        assertEquals(List.of(), tail(new AuditJournal(tmp.getRoot().toPath().resolve("none")), 5, Instant.EPOCH));
    }

    @Test
    public void theSavedLedgerHoldsOnlyWhatIsOpenAndTheAuditWaitsForTheJournal() {
        ReleaseLedger ledger = new ReleaseLedger();
        ledger.placeHold(Optional.of("checkout"), CAROL, "DB migration", Optional.empty(), false, T);
        for (int n = 0; n < 1_000; n++) {
            ledger.gate(checkout(), rcRequest(n + 1, ALICE), T, GateMode.ONCE); // blocked by the hold, audited
        }
        LedgerData saved = ledger.export();
        assertEquals("the audit is not in the saved state", List.of(), saved.audit());
        assertEquals(1, saved.holds().size());
        assertEquals(AuditLog.RECENT_KEPT, ledger.audit("checkout").size());
        assertEquals("rc#999", "checkout/release-candidate#1000",
                ledger.audit("checkout").get(AuditLog.RECENT_KEPT - 1).subject());

        List<AuditEntry> unwritten = ledger.unwrittenAudit();
        assertEquals(1_001, unwritten.size());
        assertEquals(Action.HOLD_PLACED, unwritten.get(0).action());
        ledger.auditWritten(1_000);
        assertEquals(List.of(unwritten.get(1_000)), ledger.unwrittenAudit());
        ledger.auditWritten(5);
        assertEquals(List.of(), ledger.unwrittenAudit());
    }

    @Test
    public void anOlderFileWithItsAuditInlineIsMovedToTheJournal() {
        AuditEntry old = entry(T.minusSeconds(60), "checkout/release-candidate#1");
        ReleaseLedger ledger = ReleaseLedger.from(new LedgerData(java.util.Map.of(), List.of(), List.of(old), 1));
        assertEquals(List.of(old), ledger.unwrittenAudit());
        assertEquals(List.of(old), ledger.audit("checkout"));
        assertEquals(List.of(), ledger.export().audit());
    }

    @Test
    public void theLatestEntriesReadBackAreShownPerProductInOrder() {
        ReleaseLedger ledger = new ReleaseLedger();
        AuditEntry everyProduct = new AuditEntry(T, Optional.empty(), Optional.of(CAROL), Action.HOLD_PLACED, "hold-1",
                "incident");
        AuditEntry search = new AuditEntry(T, Optional.of("search"), Optional.empty(), Action.RC_STARTED, "s#1", "x");
        List<AuditEntry> back = new ArrayList<>(List.of(entry(T, "c#1"), everyProduct, search));
        for (int n = 0; n < AuditLog.RECENT_KEPT; n++) {
            back.add(entry(T.plusSeconds(n), "c#" + (n + 2)));
        }
        ledger.restoreRecentAudit(back);
        List<AuditEntry> checkout = ledger.audit("checkout");
        assertEquals(AuditLog.RECENT_KEPT + 1, checkout.size());
        assertEquals(everyProduct, checkout.get(0)); // c#1 fell out: only the latest are kept
        assertEquals("c#2", checkout.get(1).subject());
        assertEquals(List.of(everyProduct, search), ledger.audit("search"));
        assertEquals("read back, not to be written again", List.of(), ledger.unwrittenAudit());
        ledger.placeHold(Optional.of("checkout"), CAROL, "more", Optional.empty(), false, T);
        assertEquals(Action.HOLD_PLACED, ledger.audit("checkout").get(AuditLog.RECENT_KEPT).action());
    }
}
