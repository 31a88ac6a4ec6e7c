package io.jenkins.plugins.releasegate.slack;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hudson.ExtensionList;
import hudson.model.User;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jenkins.plugins.slack.SlackNotifier;
import jenkins.plugins.slack.user.SlackUserIdResolver;
import jenkins.plugins.slack.user.SlackUserProperty;
import net.sf.json.JSONObject;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
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
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.people.Person;

/**
 * The real path: the Slack plugin's global settings and credential, its webhook mode, and a local HTTP endpoint standing
 * in for Slack, which answers, fails or hangs.
 */
public class SlackPluginSenderTest {
    private static final String TOKEN = "T0K3N";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    /** How the endpoint answers. */
    private enum Answer { OK, ERROR, HANG }

    private HttpServer slack;
    private ExecutorService handlers;
    private volatile Answer answer = Answer.OK;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstRequest = new CountDownLatch(1);
    private final CountDownLatch hangUp = new CountDownLatch(1);
    private volatile boolean hangOver;

    /** A request the endpoint got. */
    private record Received(String path, JSONObject body) {
        String channel() {
            return body.getString("channel");
        }

        /** The Slack plugin sends the text as an attachment, with its color. */
        String text() {
            return body.getJSONArray("attachments").getJSONObject(0).getString("fallback");
        }

        String color() {
            return body.getJSONArray("attachments").getJSONObject(0).getString("color");
        }
    }

    @Before
    public void slackStandIn() throws Exception {
        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        slack.setExecutor(handlers);
        slack.createContext("/hook/", this::answer);
        slack.start();

        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "slack-token", "Slack webhook token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        // The Slack plugin's global settings have setters (@DataBoundSetter); webhook mode posts to base URL + token.
        SlackNotifier.DescriptorImpl settings = j.jenkins.getDescriptorByType(SlackNotifier.DescriptorImpl.class);
        settings.setBaseUrl("http://127.0.0.1:" + slack.getAddress().getPort() + "/hook/");
        settings.setTokenCredentialId("slack-token");
        settings.setBotUser(false);
        settings.save();

        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc");
        checkout.setSlackChannel("#checkout");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
    }

    @After
    public void stopSlack() {
        hangUp.countDown();
        slack.stop(0);
        handlers.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestURI().getPath(),
                JSONObject.fromObject(new String(body, StandardCharsets.UTF_8))));
        firstRequest.countDown();
        Answer how = answer;
        if (how == Answer.HANG) {
            try {
                hangUp.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hangOver = true;
        }
        byte[] reply = (how == Answer.ERROR ? "boom" : "ok").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(how == Answer.ERROR ? 500 : 200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    @Test
    public void postsToTheProductsChannelMentioningWhomTheProfileNames() throws Exception {
        assertTrue(SlackSender.find().orElseThrow() instanceof SlackPluginSender);
        User alice = User.getById("alice", true);
        SlackUserProperty member = new SlackUserProperty();
        member.setUserId("U0ALICE");
        alice.addProperty(member);

        placeHold(Person.user("alice", "Alice Archer"), null);
        placeHold(Person.user("dave", "Dave Doe"), null); // no such Jenkins user: named, not mentioned
        awaitPosted();

        assertEquals(2, received.size());
        Received first = received.get(0);
        assertEquals("webhook mode posts to the base URL and the token", "/hook/" + TOKEN, first.path());
        assertEquals("#checkout", first.channel());
        assertEquals(":octagonal_sign: Hold on *checkout* placed by <@U0ALICE>: DB migration. No new release candidate "
                + "and no production release until it is lifted.", first.text());
        assertEquals("warning", first.color());
        assertTrue(received.get(1).text(), received.get(1).text().contains("placed by Dave Doe:"));
    }

    @Test
    public void slackAnswering500IsPrintedInTheConsoleAndFailsNoBuild() throws Exception {
        answer = Answer.ERROR;
        SlackAnnouncerTest.Console console = new SlackAnnouncerTest.Console();
        placeHold(Person.user("carol", "Carol Chen"), console);
        awaitPosted();
        assertTrue(console.text(), console.text().contains(
                "Release Gate: could not post to #checkout: Slack did not accept the message"));
        LedgerStore.get().change(l -> l.liftHold(l.holds().get(0).id(), Person.user("carol"), true,
                io.jenkins.plugins.releasegate.GateClock.now()));

        WorkflowRun run = j.buildAndAssertSuccess(rcJob());
        awaitPosted();
        assertTrue("the new RC was offered to Slack", received.stream().anyMatch(r ->
                r.text().startsWith(":rocket: New release candidate of *checkout*: <" + j.jenkins.getRootUrl()
                        + run.getUrl() + "|checkout-rc#1>")));
    }

    @Test
    public void slackThatHangsDelaysNeitherTheGateNorTheBuild() throws Exception {
        answer = Answer.HANG;
        long start = System.nanoTime();
        placeHold(Person.user("carol", "Carol Chen"), new SlackAnnouncerTest.Console());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue("the ledger change and its announcement took " + millis + " ms", millis < 2000);
        assertTrue("the post reached the endpoint, which now hangs", firstRequest.await(30, TimeUnit.SECONDS));
        LedgerStore.get().change(l -> l.liftHold(l.holds().get(0).id(), Person.user("carol"), true,
                io.jenkins.plugins.releasegate.GateClock.now()));

        j.buildAndAssertSuccess(rcJob());
        assertFalse("the build finished while Slack was still hanging", hangOver);
    }

    @Test
    public void testMessageButtonPostsThroughTheSlackPlugin() throws Exception {
        ProductConfig.DescriptorImpl form = ExtensionList.lookupSingleton(ProductConfig.DescriptorImpl.class);
        FormValidation ok = form.doSendTestMessage("checkout", "#checkout");
        assertEquals(ok.renderHtml(), FormValidation.Kind.OK, ok.kind);
        assertEquals(1, received.size());
        assertEquals("#checkout", received.get(0).channel());
        assertTrue(received.get(0).text(), received.get(0).text().contains("Release Gate test message for *checkout*"));

        answer = Answer.ERROR;
        FormValidation failed = form.doSendTestMessage("checkout", "#checkout");
        assertEquals(FormValidation.Kind.ERROR, failed.kind);
        assertTrue(failed.renderHtml(), failed.renderHtml().contains(
                "Could not post to #checkout: Slack did not accept the message"));

        j.jenkins.getDescriptorByType(SlackNotifier.DescriptorImpl.class).setTokenCredentialId("");
        FormValidation unconfigured = form.doSendTestMessage("checkout", "#checkout");
        assertEquals(FormValidation.Kind.ERROR, unconfigured.kind);
        assertTrue(unconfigured.renderHtml(), unconfigured.renderHtml().contains("Slack is not configured"));
        assertEquals(2, received.size());
    }

    @Test
    public void slackInstalledButNotSetUpPrintsNothingInTheConsole() throws Exception {
        j.jenkins.getDescriptorByType(SlackNotifier.DescriptorImpl.class).setTokenCredentialId("");
        SlackAnnouncerTest.Console console = new SlackAnnouncerTest.Console();
        placeHold(Person.user("carol", "Carol Chen"), console);
        placeHold(Person.user("carol", "Carol Chen"), console);
        awaitPosted();
        assertEquals("", console.text());
        assertTrue(received.isEmpty());
    }

    @Test
    public void memberIdsAreLookedUpWithAResolverOfOurOwn() throws Exception {
        SharedResolver shared = new SharedResolver();
        SlackNotifier.DescriptorImpl settings = j.jenkins.getDescriptorByType(SlackNotifier.DescriptorImpl.class);
        settings.setBotUser(true);
        settings.setSlackUserIdResolver(shared);
        User.getById("bob", true);

        // A resolver of the chosen type answered, with Release Gate's token...
        assertEquals(Optional.of("U0BOB-" + TOKEN),
                SlackSender.find().orElseThrow().slackUserId(Person.user("bob", "Bob")));
        // ...but not the plugin's instance: every slackSend uses it, and a token or client set on it could reach
        // another post.
        assertEquals(List.of(), shared.calls);
    }

    /** A resolver as the Slack plugin's settings hold it, shared by every post; says when someone sets on it. */
    public static final class SharedResolver extends SlackUserIdResolver {
        final List<String> calls = new CopyOnWriteArrayList<>();

        public SharedResolver() {
            super(null, null);
        }

        @Override
        protected String resolveUserId(User user) {
            return authToken == null || httpClient == null ? null : "U0" + user.getId().toUpperCase() + "-" + authToken;
        }

        @Override
        public void setAuthToken(String authToken) {
            calls.add("setAuthToken");
            super.setAuthToken(authToken);
        }

        @Override
        public void setHttpClient(CloseableHttpClient httpClient) {
            calls.add("setHttpClient");
            super.setHttpClient(httpClient);
        }
    }

    private WorkflowJob rcJob() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-rc");
        p.setDefinition(new CpsFlowDefinition("releaseGate product: 'checkout', stage: 'rc'", true));
        return p;
    }

    private static void placeHold(Person author, SlackAnnouncerTest.Console console) {
        List<LedgerEvent> events = LedgerStore.get().change(l -> l.placeHold(Optional.of("checkout"), author,
                "DB migration", Optional.empty(), false, io.jenkins.plugins.releasegate.GateClock.now()));
        ReleaseEventListener.publish(events, console);
    }

    private static void awaitPosted() throws InterruptedException {
        assertTrue("posting did not finish",
                ExtensionList.lookupSingleton(SlackAnnouncer.class).awaitPosted(90, TimeUnit.SECONDS));
    }
}
