package io.jenkins.plugins.releasegate.ledger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.XmlFile;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;
import org.jvnet.hudson.test.TestExtension;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.ledger.AuditEntry;
import org.releasegate.ledger.GateMode;
import org.releasegate.ledger.LedgerData;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcState;

/** The saved ledger: a failed save is surfaced and never announced; one unreadable record never loses the rest. */
public class LedgerStoreTest {
    /** Thursday 2026-11-26 10:00 America/New_York. */
    private static final Instant THURSDAY_10AM = Instant.parse("2026-11-26T15:00:00Z");
    private static final Person ALICE = Person.user("alice", "Alice Archer");

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LoggerRule logs = new LoggerRule().record(LedgerStore.class, Level.WARNING)
            .record(LedgerFile.class, Level.WARNING).capture(50);

    @Before
    public void setUp() {
        GateClock.set(Clock.fixed(THURSDAY_10AM, ZoneOffset.UTC));
        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        Heard.events.clear();
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    /** Every event announced, as the product channel would hear it. */
    @TestExtension
    public static final class Heard extends ReleaseEventListener {
        static final List<LedgerEvent> events = new ArrayList<>();

        @Override
        public void onEvents(List<LedgerEvent> happened, TaskListener console) {
            events.addAll(happened);
        }
    }

    private static ProductPolicy checkout() {
        return ReleaseGateConfiguration.get().product("checkout");
    }

    private static GateRequest rc(int number) {
        return GateRequest.builder(Stage.RC).build(new BuildRef("checkout-rc", number)).requester(ALICE)
                .releaseManager(ReleaseManager.of(ALICE, ReleaseManager.Source.USER)).build();
    }

    /** Makes ledger.xml impossible to write: a non-empty folder stands where the file goes. */
    private static void breakTheFile() throws Exception {
        LedgerStore.get().read(l -> l.version()); // loaded before the file goes bad
        File file = LedgerStore.file();
        Files.deleteIfExists(file.toPath());
        assertTrue(file.mkdirs());
        assertTrue(new File(file, "in-the-way").createNewFile());
    }

    private static void repairTheFile() throws Exception {
        File file = LedgerStore.file();
        Files.delete(new File(file, "in-the-way").toPath());
        Files.delete(file.toPath());
    }

    @Test
    public void aChangeThatCannotBeSavedIsNotAnnouncedAndTheStatusPageSaysSo() throws Exception {
        breakTheFile();
        LedgerSaveException e = assertThrows(LedgerSaveException.class, () -> LedgerStore.get().apply(
                l -> l.placeHold(Optional.of("checkout"), ALICE, "DB migration", Optional.empty(), false,
                        GateClock.now()), null));
        assertTrue(e.getMessage(), e.getMessage().contains("could not save the release ledger"));
        assertEquals("nothing unsaved is announced", List.of(), Heard.events);
        assertTrue(logs.getMessages().toString(), logs.getMessages().stream()
                .anyMatch(m -> m.contains("could not save the release ledger")));
        assertNotNull(LedgerStore.get().getSaveProblem());
        String page = j.createWebClient().goTo("release-gate/").asNormalizedText();
        assertTrue(page, page.contains("The release ledger could not be saved"));

        repairTheFile();
        LedgerStore.get().apply(l -> l.placeHold(Optional.of("checkout"), ALICE, "again", Optional.empty(), false,
                GateClock.now()), null);
        assertEquals(1, Heard.events.size());
        assertNull("a save that works clears the problem", LedgerStore.get().getSaveProblem());
    }

    @Test
    public void aGateLookThatCannotBeSavedFailsTheBuildWithTheReasonAndAnnouncesNothing() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-rc");
        p.setDefinition(new CpsFlowDefinition("releaseGate product: 'checkout', stage: 'rc'", true));
        breakTheFile();
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("could not save the release ledger", b);
        assertFalse(Heard.events.stream().anyMatch(ev -> ev instanceof LedgerEvent.RcStarted));
    }

    @Test
    public void oneUnreadableRecordIsSkippedAndEveryOtherIsKept() throws Exception {
        LedgerStore.get().change(l -> l.gate(checkout(), rc(1), GateClock.now(), GateMode.ONCE));
        LedgerStore.get().change(l -> l.buildFinished(checkout(), new BuildRef("checkout-rc", 1),
                org.releasegate.rc.BuildResult.FAILURE, GateClock.now()));
        LedgerStore.get().change(l -> l.gate(checkout(), rc(2), GateClock.now(), GateMode.ONCE));
        LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), ALICE, "DB migration", Optional.empty(),
                false, GateClock.now()));
        File file = LedgerStore.file();
        String xml = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        // A later version renamed a state: the failed RC #1 can no longer be read.
        assertTrue(xml, xml.contains("<state>FAILED</state>"));
        Files.writeString(file.toPath(), xml.replace("<state>FAILED</state>", "<state>LIMBO</state>"),
                StandardCharsets.UTF_8);

        LedgerStore.get().reload();
        assertTrue("the file is kept, not renamed away", file.isFile());
        assertEquals(RcState.RUNNING, LedgerStore.get().read(l -> l.snapshot("checkout")
                .candidate(new BuildRef("checkout-rc", 2))).orElseThrow().getState());
        assertTrue(LedgerStore.get().read(l -> l.snapshot("checkout").candidate(new BuildRef("checkout-rc", 1)))
                .isEmpty());
        assertEquals(1, LedgerStore.get().read(l -> l.holds()).size());
        assertTrue(logs.getMessages().toString(), logs.getMessages().stream()
                .anyMatch(m -> m.contains("Skipped a release candidate of checkout")));
    }

    @Test
    public void theAuditGoesToTheJournalAndTheLedgerFileHoldsOnlyWhatIsOpen() throws Exception {
        LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), ALICE, "DB migration", Optional.empty(),
                false, GateClock.now()));
        for (int n = 1; n <= 50; n++) {
            int number = n;
            LedgerStore.get().change(l -> l.gate(checkout(), rc(number), GateClock.now(), GateMode.ONCE));
        }
        String xml = Files.readString(LedgerStore.file().toPath(), StandardCharsets.UTF_8);
        assertFalse(xml, xml.contains("BLOCKED"));
        assertFalse(xml, xml.contains("<audit>"));
        File day = new File(LedgerStore.file().getParentFile(), "audit/audit-2026-11-26.log");
        List<String> lines = Files.readAllLines(day.toPath(), StandardCharsets.UTF_8);
        assertEquals(51, lines.size());
        assertTrue(lines.get(50), lines.get(50).contains("\tBLOCKED\tcheckout-rc#50\t"));

        LedgerStore.get().reload();
        List<AuditEntry> recent = LedgerStore.get().read(l -> l.audit("checkout"));
        assertEquals("read back from the journal after a restart", 51, recent.size());
        assertEquals(AuditEntry.Action.HOLD_PLACED, recent.get(0).action());
        assertEquals("checkout-rc#50", recent.get(50).subject());
    }

    @Test
    public void anOlderLedgerFileWithItsAuditInlineMovesItToTheJournalOnce() throws Exception {
        AuditEntry old = new AuditEntry(THURSDAY_10AM.minusSeconds(3600), Optional.of("checkout"), Optional.of(ALICE),
                AuditEntry.Action.HOLD_PLACED, "hold-1", "DB migration");
        LedgerFile inline = LedgerFile.of(new LedgerData(Map.of(), List.of(), List.of(), 2));
        java.lang.reflect.Field audit = LedgerFile.class.getDeclaredField("audit");
        audit.setAccessible(true);
        audit.set(inline, new ArrayList<>(List.of(AuditRecord.of(old))));
        new XmlFile(LedgerStore.XSTREAM, LedgerStore.file()).write(inline);

        LedgerStore.get().reload();
        assertEquals(List.of(old), LedgerStore.get().read(l -> l.audit("checkout")));
        File day = new File(LedgerStore.file().getParentFile(), "audit/audit-2026-11-26.log");
        assertEquals(1, Files.readAllLines(day.toPath(), StandardCharsets.UTF_8).size());
        assertFalse(Files.readString(LedgerStore.file().toPath(), StandardCharsets.UTF_8).contains("hold-1"));
        LedgerStore.get().reload();
        assertEquals("moved once", 1, Files.readAllLines(day.toPath(), StandardCharsets.UTF_8).size());
        assertEquals(List.of(old), LedgerStore.get().read(l -> l.audit("checkout")));
    }

    @Test
    public void auditDaysPastTheRetentionAreDeleted() throws Exception {
        assertEquals(90, ReleaseGateConfiguration.get().getAuditRetentionDays());
        assertThrows(PolicyException.class, () -> ReleaseGateConfiguration.get().setAuditRetentionDays(0));
        ReleaseGateConfiguration.get().setAuditRetentionDays(2);
        for (int day = 0; day < 5; day++) {
            Instant at = THURSDAY_10AM.plus(Duration.ofDays(day));
            LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), ALICE, "day", Optional.empty(), false,
                    at));
        }
        File dir = new File(LedgerStore.file().getParentFile(), "audit");
        assertEquals(5, dir.list().length);
        GateClock.set(Clock.fixed(THURSDAY_10AM.plus(Duration.ofDays(4)), ZoneOffset.UTC));
        LedgerHousekeeping.run(GateClock.now());
        assertEquals(List.of("audit-2026-11-28.log", "audit-2026-11-29.log", "audit-2026-11-30.log"),
                Arrays.stream(dir.list()).sorted().toList());
    }
}
