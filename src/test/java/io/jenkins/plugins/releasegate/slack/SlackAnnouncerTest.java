package io.jenkins.plugins.releasegate.slack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LoggerRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.Stage;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.GateMode;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.message.SlackMessage;
import org.releasegate.message.SlackMessages;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;
import org.springframework.security.access.AccessDeniedException;

/** What the product's channel hears, through the sender seam: which channel, which words, in which order. */
public class SlackAnnouncerTest {
    /** Thursday 2026-11-26 15:00 UTC: 16:00 in Paris. */
    private static final Instant T = Instant.parse("2026-11-26T15:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Person ALICE = Person.user("alice", "Alice Archer");
    private static final Person BOB = Person.user("bob", "Bob Baker");
    private static final Person CAROL = Person.user("carol", "Carol Chen");
    private static final String RC_JOB = "checkout/release-candidate";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public LoggerRule logging = new LoggerRule();

    /** Each event as published, with the gate's time then: what core renders for it is what Slack must get. */
    private final List<Map.Entry<LedgerEvent, Instant>> published = new ArrayList<>();

    @Before
    public void checkout() {
        GateClock.set(Clock.fixed(T, ZoneOffset.UTC));
        ReleaseGateConfiguration.get().setProducts(List.of(product("checkout", "#checkout", "checkout/**")));
    }

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void everyEventOfAReleaseReachesTheChannelInCoresWordsAndOrder() throws Exception {
        ReleaseGateConfiguration.get().setTimeZone("Europe/Paris");
        ProductPolicy checkout = ReleaseGateConfiguration.get().product("checkout");

        List<LedgerEvent> placed = change(l -> l.placeHold(Optional.of("checkout"), CAROL, "DB migration",
                Optional.of(T.plus(Duration.ofHours(1))), false, T));
        publish(placed);
        publish(change(l -> l.gate(checkout, rc(41, BOB, Optional.empty()), T, GateMode.ONCE).events()));
        publish(change(l -> l.expireHolds(T.plus(Duration.ofHours(1)))));
        List<LedgerEvent> second = change(l -> l.placeHold(Optional.of("checkout"), ALICE, "load test",
                Optional.empty(), false, T));
        publish(second);
        String holdId = ((LedgerEvent.HoldPlaced) second.get(0)).hold().id();
        publish(change(l -> l.liftHold(holdId, ALICE, false, T)));
        publish(change(l -> l.gate(checkout, rc(41, BOB, Optional.empty()), T, GateMode.ONCE).events()));
        publish(change(l -> l.gate(checkout, rc(42, ALICE, Optional.of(new Urgency(UrgencyCategory.CRITICAL_PATH_BUG,
                "INC-4411 checkout returns 500s"))), T, GateMode.ONCE).events()));
        publish(change(l -> l.buildFinished(checkout, ref(42), BuildResult.FAILURE, T)));
        publish(change(l -> l.gate(checkout, rc(43, ALICE, Optional.empty()), T, GateMode.ONCE).events()));
        publish(change(l -> l.buildFinished(checkout, ref(43), BuildResult.SUCCESS, T)));
        publish(change(l -> l.handOver(checkout, ref(43), CAROL, ALICE, false, T)));
        publish(change(l -> l.reject(checkout, ref(43), CAROL, "totals wrong", "fix in #44", T)));
        publish(change(l -> l.gate(checkout, rc(44, BOB, Optional.empty()), T, GateMode.ONCE).events()));
        publish(change(l -> l.buildFinished(checkout, ref(44), BuildResult.SUCCESS, T)));
        publish(change(l -> l.promote(checkout, ref(44), Optional.of(BOB), T)));
        publish(change(l -> l.gate(checkout, rc(45, BOB, Optional.empty()), T, GateMode.ONCE).events()));
        publish(change(l -> l.buildFinished(checkout, ref(45), BuildResult.SUCCESS, T)));
        Instant later = T.plus(Duration.ofDays(8));
        List<LedgerEvent> stale = change(l -> l.newlyStale(checkout, later));
        GateClock.set(Clock.fixed(later, ZoneOffset.UTC));
        publish(stale);
        awaitPosted();

        Set<Class<?>> happened = published.stream().map(e -> e.getKey().getClass()).collect(Collectors.toSet());
        assertEquals("the scenario covers every kind of event", Set.of(LedgerEvent.HoldPlaced.class,
                LedgerEvent.Blocked.class, LedgerEvent.HoldExpired.class, LedgerEvent.HoldLifted.class,
                LedgerEvent.RcStarted.class, LedgerEvent.RcSuperseded.class, LedgerEvent.ExceptionUsed.class,
                LedgerEvent.RcFailed.class, LedgerEvent.RcDeployed.class, LedgerEvent.HandedOver.class,
                LedgerEvent.RcRejected.class, LedgerEvent.RcPromoted.class, LedgerEvent.RcStale.class), happened);
        SlackMessages words = new SlackMessages(PARIS, SlackAnnouncerTest::aliceOnly, b -> Optional.empty());
        List<String> expected = published.stream()
                .flatMap(e -> words.render(e.getKey(), e.getValue()).stream()).map(SlackMessage::text).toList();
        List<Post> posts = sender().posts;
        assertEquals(expected, posts.stream().map(Post::text).toList());
        assertEquals(published.size() - 3, posts.size()); // the three RCs deployed to CI/QA are not announced
        assertTrue(posts.stream().allMatch(p -> p.channel().equals("#checkout")));
        // The product's zone, not the default one: the hold expires at 17:00 in Paris.
        assertEquals(":octagonal_sign: Hold on *checkout* placed by Carol Chen: DB migration (expires Thu 2026-11-26 "
                + "17:00 CET). No new release candidate and no production release until it is lifted.",
                posts.get(0).text());
        int superseded = indexOf(posts, ":warning: Release candidate checkout/release-candidate#41");
        int started = indexOf(posts, ":rocket: New release candidate of *checkout*: checkout/release-candidate#42");
        assertTrue("the channel hears #41 is superseded before #42 starts", superseded >= 0 && superseded < started);
        assertTrue(posts.get(started).text(), posts.get(started).text().contains("Release manager: <@U0ALICE>."));
        assertTrue(posts.get(posts.size() - 1).text(), posts.get(posts.size() - 1).text().contains("in flight for 8d 0h"));
    }

    @Test
    public void newReleaseCandidateLinksItsBuildAndMentionsWhomSlackKnows() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(product("checkout", "#checkout", "checkout-rc")));
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-rc");
        p.setDefinition(new CpsFlowDefinition("echo 'built'", true));
        WorkflowRun run = j.buildAndAssertSuccess(p);

        publish(List.of(new LedgerEvent.RcStarted(ReleaseCandidate.started(new BuildRef("checkout-rc", 1), "checkout",
                ReleaseManager.of(ALICE, ReleaseManager.Source.USER),
                List.of(BOB, Person.named("Dave <dave@example.com>")), Optional.empty(), T))));
        publish(List.of(new LedgerEvent.RcStarted(ReleaseCandidate.started(new BuildRef("checkout-rc", 2), "checkout",
                ReleaseManager.of(BOB, ReleaseManager.Source.USER), List.of(), Optional.empty(), T))));
        awaitPosted();

        List<Post> posts = sender().posts;
        assertEquals(2, posts.size());
        assertEquals(":rocket: New release candidate of *checkout*: <" + j.jenkins.getRootUrl() + run.getUrl()
                + "|checkout-rc#1>. Release manager: <@U0ALICE>. Changes by Bob Baker, Dave &lt;dave@example.com&gt;: "
                + "verify your changes in the RC environment, or ask a team member to take over.", posts.get(0).text());
        assertEquals("good", posts.get(0).color());
        assertEquals("the post is made for the build, whose folder's credentials apply", run.getExternalizableId(),
                posts.get(0).run() == null ? null : posts.get(0).run().getExternalizableId());
        assertEquals("no such build: named, not linked", ":rocket: New release candidate of *checkout*: "
                + "checkout-rc#2. Release manager: Bob Baker.", posts.get(1).text());
        assertNull(posts.get(1).run());
    }

    @Test
    public void aHoldOnEveryProductReachesEachChannelOnce() throws Exception {
        ReleaseGateConfiguration.get().setProducts(List.of(product("checkout", "#checkout", "checkout/**"),
                product("search", "search", "search/**"), product("payments", "#Checkout", "payments/**"),
                product("billing", "", "billing/**")));
        Hold everything = new Hold("hold-7", Optional.empty(), CAROL, "incident INC-12", T, Optional.empty());
        publish(List.of(new LedgerEvent.HoldPlaced(everything)));
        Hold billing = new Hold("hold-8", Optional.of("billing"), CAROL, "audit", T, Optional.empty());
        publish(List.of(new LedgerEvent.HoldPlaced(billing)));
        awaitPosted();

        List<Post> posts = sender().posts;
        assertEquals(List.of("#checkout", "search"), posts.stream().map(Post::channel).toList());
        String text = ":octagonal_sign: Hold on *every product* placed by Carol Chen: incident INC-12. No new release "
                + "candidate and no production release until it is lifted.";
        assertEquals(List.of(text, text), posts.stream().map(Post::text).toList());
    }

    @Test
    public void aFailedPostIsPrintedInTheBuildsConsoleAndWarnedOnce() throws Exception {
        logging.record(SlackAnnouncer.class, Level.FINE).capture(100);
        sender().refusals.put("#checkout", "channel_not_found");
        Console console = new Console();
        List<LedgerEvent> events = change(l -> l.placeHold(Optional.of("checkout"), CAROL, "DB migration",
                Optional.empty(), false, T));
        ReleaseEventListener.publish(events, console);
        ReleaseEventListener.publish(events, console);
        awaitPosted();

        String line = "Release Gate: could not post to #checkout: channel_not_found";
        assertEquals(console.text(), 2, count(console.text(), line));
        List<Level> levels = logging.getRecords().stream().filter(r -> line.equals(r.getMessage()))
                .map(r -> r.getLevel()).toList();
        assertEquals(List.of(Level.WARNING, Level.FINE), levels);
        assertTrue(sender().posts.isEmpty());
        assertEquals("the hold stands: Slack changes nothing", 1, LedgerStore.get().read(l -> l.holds()).size());
    }

    @Test
    public void slackNotSetUpIsSkippedQuietlyAndLoggedOnce() throws Exception {
        logging.record(SlackAnnouncer.class, Level.FINE).capture(100);
        sender().configured = false;
        Console console = new Console();
        List<LedgerEvent> events = change(l -> l.placeHold(Optional.of("checkout"), CAROL, "DB migration",
                Optional.empty(), false, T));
        ReleaseEventListener.publish(events, console);
        ReleaseEventListener.publish(events, console);
        awaitPosted();

        assertTrue("nothing posted", sender().posts.isEmpty());
        assertEquals("nothing in the build's console", "", console.text());
        String notice = Messages.SlackAnnouncer_NotSetUp();
        assertEquals(List.of(Level.INFO), logging.getRecords().stream().filter(r -> notice.equals(r.getMessage()))
                .map(r -> r.getLevel()).toList());

        // Set up again, posts go out; a later lapse is told again, once.
        sender().configured = true;
        ReleaseEventListener.publish(events, console);
        awaitPosted();
        assertEquals(1, sender().posts.size());
        sender().configured = false;
        ReleaseEventListener.publish(events, console);
        ReleaseEventListener.publish(events, console);
        awaitPosted();
        assertEquals(1, sender().posts.size());
        assertEquals(2, logging.getRecords().stream().filter(r -> notice.equals(r.getMessage())).count());
    }

    @Test
    public void aSlackThatHangsHoldsUpNobodyAndTooManyWaitingPostsAreDropped() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        sender().answer = answer;
        Console console = new Console();
        try {
            long start = System.nanoTime();
            List<LedgerEvent> events = change(l -> l.placeHold(Optional.of("checkout"), CAROL, "DB migration",
                    Optional.empty(), false, T));
            ReleaseEventListener.publish(events, console);
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("the ledger change and its announcement took " + firstMillis + " ms", firstMillis < 2000);
            int more = PostQueue.CAPACITY + 5;
            for (int i = 0; i < more; i++) {
                ReleaseEventListener.publish(events, console);
            }
            long allMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("publishing " + (more + 1) + " times took " + allMillis + " ms", allMillis < 10_000);
            assertTrue("nothing was posted while Slack hangs", sender().posts.isEmpty());
            int dropped = count(console.text(), "posts are already waiting for Slack, which is not answering; this one "
                    + "was dropped");
            assertTrue(console.text(), dropped >= 5);

            answer.countDown();
            awaitPosted();
            assertEquals("every post that was not dropped goes out once Slack answers", more + 1 - dropped,
                    sender().posts.size());
        } finally {
            answer.countDown();
        }
    }

    @Test
    public void testMessageButtonSaysWhatBecameOfThePost() throws Exception {
        ProductConfig.DescriptorImpl form = ExtensionList.lookupSingleton(ProductConfig.DescriptorImpl.class);

        FormValidation posted = form.doSendTestMessage("checkout", " #checkout ");
        assertEquals(posted.renderHtml(), FormValidation.Kind.OK, posted.kind);
        assertTrue(posted.renderHtml(), posted.renderHtml().contains("Posted a test message to #checkout"));
        assertEquals(1, sender().posts.size());
        assertEquals("#checkout", sender().posts.get(0).channel());
        assertTrue(sender().posts.get(0).text().contains("Release Gate test message for *checkout*"));

        assertError(form.doSendTestMessage("checkout", " "), "Give the product a Slack channel first");
        sender().refusals.put("#checkout", "channel_not_found");
        assertError(form.doSendTestMessage("checkout", "#checkout"), "Could not post to #checkout: channel_not_found");
        sender().configured = false;
        assertError(form.doSendTestMessage("checkout", "#checkout"), "Slack is not configured");
        assertEquals(1, sender().posts.size());
    }

    @Test
    public void onlyAdministratorsSendTestMessages() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("bob"));
        ProductConfig.DescriptorImpl form = ExtensionList.lookupSingleton(ProductConfig.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("bob", true))) {
            form.doSendTestMessage("checkout", "#checkout");
            fail("bob may not post test messages");
        } catch (AccessDeniedException expected) {
            // the permission is checked before anything is posted
        }
        assertTrue(sender().posts.isEmpty());

        // The URL the configuration page's validate button posts to, with the fields it sends.
        String url = "descriptorByName/" + ProductConfig.class.getName()
                + "/sendTestMessage?name=checkout&slackChannel=%23checkout";
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        Page refused = wc.login("bob").getPage(new WebRequest(wc.createCrumbedUrl(url), HttpMethod.POST));
        assertEquals(403, refused.getWebResponse().getStatusCode());
        assertTrue(sender().posts.isEmpty());
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        Page page = admin.getPage(new WebRequest(admin.createCrumbedUrl(url), HttpMethod.POST));
        assertEquals(200, page.getWebResponse().getStatusCode());
        assertTrue(page.getWebResponse().getContentAsString(),
                page.getWebResponse().getContentAsString().contains("Posted a test message to #checkout"));
        assertEquals(1, sender().posts.size());
    }

    private static void assertError(FormValidation v, String text) {
        assertEquals(v.renderHtml(), FormValidation.Kind.ERROR, v.kind);
        assertTrue(v.renderHtml(), v.renderHtml().contains(text));
    }

    static ProductConfig product(String name, String channel, String jobs) {
        ProductConfig p = new ProductConfig(name);
        p.setJobs(jobs);
        p.setSlackChannel(channel);
        return p;
    }

    private static GateRequest rc(int number, Person by, Optional<Urgency> urgency) {
        return GateRequest.builder(Stage.RC).build(ref(number)).requester(by)
                .releaseManager(ReleaseManager.of(by, ReleaseManager.Source.USER)).urgency(urgency).build();
    }

    private static BuildRef ref(int number) {
        return new BuildRef(RC_JOB, number);
    }

    private static List<LedgerEvent> change(java.util.function.Function<org.releasegate.ledger.ReleaseLedger,
            List<LedgerEvent>> operation) {
        return LedgerStore.get().change(operation);
    }

    private void publish(List<LedgerEvent> events) {
        Instant now = GateClock.now();
        events.forEach(e -> published.add(Map.entry(e, now)));
        ReleaseEventListener.publish(events, null);
    }

    private static void awaitPosted() throws InterruptedException {
        assertTrue("posting did not finish",
                ExtensionList.lookupSingleton(SlackAnnouncer.class).awaitPosted(60, TimeUnit.SECONDS));
    }

    private static Optional<String> aliceOnly(Person p) {
        return p.userId().filter("alice"::equals).map(id -> "U0ALICE");
    }

    private static int indexOf(List<Post> posts, String start) {
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).text().startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    static CapturingSender sender() {
        return ExtensionList.lookupSingleton(CapturingSender.class);
    }

    /** What was posted where. */
    record Post(String channel, String text, String color, @CheckForNull Run<?, ?> run) {
    }

    /** Stands in for Slack: keeps each post; can refuse a channel, or hang until told to answer. */
    @TestExtension
    public static final class CapturingSender extends SlackSender {
        final List<Post> posts = new CopyOnWriteArrayList<>();
        final Map<String, String> refusals = new ConcurrentHashMap<>();
        volatile boolean configured = true;
        volatile CountDownLatch answer = new CountDownLatch(0);

        @Override
        public boolean isConfigured() {
            return configured;
        }

        @Override
        public void send(String channel, SlackMessage message, @CheckForNull Run<?, ?> run) throws IOException {
            try {
                if (!answer.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("timed out");
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            String refusal = refusals.get(channel);
            if (refusal != null) {
                throw new IOException(refusal);
            }
            posts.add(new Post(channel, message.text(), message.color(), run));
        }

        @Override
        public Optional<String> slackUserId(Person person) {
            return aliceOnly(person);
        }
    }

    /** A build's console, as a test can read it. */
    static final class Console implements TaskListener {
        private static final long serialVersionUID = 1L;
        private final transient ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(out, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
