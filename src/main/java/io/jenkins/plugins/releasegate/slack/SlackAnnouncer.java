package io.jenkins.plugins.releasegate.slack;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.action.Builds;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.ledger.LedgerEvent;
import org.releasegate.message.SlackMessage;
import org.releasegate.message.SlackMessages;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.message.Announcement;

/**
 * Tells each product's Slack channel what happened to its releases, in core's words. Posting happens on its own
 * thread: the gate's decision and the build never wait for Slack, and a failed post is only reported.
 */
@Extension(ordinal = 50)
@Restricted(NoExternalUse.class)
public final class SlackAnnouncer extends ReleaseEventListener {
    private static final Logger LOGGER = Logger.getLogger(SlackAnnouncer.class.getName());

    private final PostQueue queue = new PostQueue(PostQueue.CAPACITY);
    private final PostFailures failures = new PostFailures();
    private final AtomicBoolean toldNotSetUp = new AtomicBoolean();

    @Override
    public void onEvents(List<LedgerEvent> events, @CheckForNull TaskListener console) {
        Optional<SlackSender> sender = SlackSender.find();
        if (sender.isEmpty()) {
            return; // the Slack plugin is not installed
        }
        List<Announcement> announcements = Announcement.of(events, products());
        if (announcements.isEmpty() || !setUp(sender.get())) {
            return;
        }
        Instant now = GateClock.now(); // times in the messages are those of the events, not of the post
        if (!queue.offer(() -> post(sender.get(), announcements, now, console))) {
            String reason = Messages.SlackAnnouncer_QueueFull(PostQueue.CAPACITY);
            announcements.stream().map(Announcement::channel).distinct()
                    .forEach(channel -> failures.report(channel, reason, console, null));
        }
    }

    /**
     * Whether the Slack plugin is set up to post. An admin who installed it but chose not to set it up (or not yet)
     * is told once in the Jenkins log, not in every build's console; once set up again, a later lapse is told again.
     */
    private boolean setUp(SlackSender sender) {
        boolean setUp;
        try {
            setUp = sender.isConfigured();
        } catch (RuntimeException | LinkageError e) { // a Slack plugin whose API no longer matches
            LOGGER.log(Level.FINE, "Could not read the Slack plugin's settings", e);
            setUp = false;
        }
        if (setUp) {
            toldNotSetUp.set(false);
        } else if (toldNotSetUp.compareAndSet(false, true)) {
            LOGGER.info(Messages.SlackAnnouncer_NotSetUp());
        }
        return setUp;
    }

    /** Waits until what was published before has been posted (or has failed); for tests. */
    boolean awaitPosted(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.awaitPosted(timeout, unit);
    }

    private void post(SlackSender sender, List<Announcement> announcements, Instant now,
            @CheckForNull TaskListener console) {
        // Whoever published, the post reads builds and user settings as the system does.
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Announcement a : announcements) {
                post(sender, a, now, console);
            }
        }
    }

    private void post(SlackSender sender, Announcement a, Instant now, @CheckForNull TaskListener console) {
        try {
            Optional<SlackMessage> message = new SlackMessages(a.product().getZone(), sender::slackUserId,
                    BuildUrls::of).render(a.event(), now);
            if (message.isPresent()) {
                sender.send(a.channel(), message.get(), a.build().map(Builds::find).orElse(null));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a Slack plugin whose API no longer matches (NoSuchMethodError) fails the post, not the thread.
            failures.report(a.channel(), PostFailures.reasonOf(e), console, e);
        }
    }

    private static List<ProductPolicy> products() {
        try {
            return ReleaseGateConfiguration.get().policy().getProducts();
        } catch (PolicyException e) {
            return List.of(); // a configuration core refuses has no channels either; the configuration page says why
        }
    }
}
