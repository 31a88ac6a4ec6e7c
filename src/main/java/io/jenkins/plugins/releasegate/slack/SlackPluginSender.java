package io.jenkins.plugins.releasegate.slack;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.User;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.plugins.slack.CredentialsObtainer;
import jenkins.plugins.slack.SlackNotifier;
import jenkins.plugins.slack.StandardSlackService;
import jenkins.plugins.slack.user.NoSlackUserIdResolver;
import jenkins.plugins.slack.user.SlackUserIdResolver;
import net.sf.json.JSONArray;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.SlackMessage;
import org.releasegate.people.Person;

/**
 * Posts through the Slack plugin, with its global settings and credential: Release Gate has no Slack client and no
 * token of its own. The only class that touches {@code jenkins.plugins.slack}; it is not loaded without that plugin.
 * Its ordinal is low so that any other sender (a test's) is used first.
 */
@Extension(optional = true, ordinal = -100)
@Restricted(NoExternalUse.class)
// Without the Slack plugin, Jenkins fails to resolve this class's method signatures (they name Slack types) and, the
// extension being optional, quietly leaves it out: Release Gate then finds no sender.
@SuppressWarnings("deprecation") // Extension.optional: the variant plugin's replacement would be one more dependency
public final class SlackPluginSender extends SlackSender {
    private static final Logger LOGGER = Logger.getLogger(SlackPluginSender.class.getName());

    private final MemberIds memberIds = new MemberIds(this::lookUpMemberId);

    @Override
    public boolean isConfigured() {
        try {
            configured();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void send(String channel, SlackMessage message, @CheckForNull Run<?, ?> run) throws IOException {
        SlackNotifier.DescriptorImpl slack = configured();
        StandardSlackService service = StandardSlackService.builder()
                .withRun(run)
                .withBaseUrl(slack.getBaseUrl())
                .withTeamDomain(slack.getTeamDomain())
                .withBotUser(slack.isBotUser())
                .withRoomId(channel.trim())
                .withIconEmoji(slack.getIconEmoji())
                .withUsername(slack.getUsername())
                .withPopulatedToken(token(slack, run))
                .build();
        // publish never throws: it logs and answers false
        boolean posted = slack.isSendAsText()
                ? service.publish(message.text(), new JSONArray(), message.color())
                : service.publish(message.text(), message.color());
        if (!posted) {
            String answer = service.getResponseString(); // Slack's answer, in bot mode only
            throw new IOException(answer == null || answer.isBlank() ? Messages.SlackPluginSender_NotAccepted()
                    : Messages.SlackPluginSender_NotAcceptedWith(answer));
        }
    }

    @Override
    public Optional<String> slackUserId(Person person) {
        return memberIds.of(person);
    }

    /**
     * In bot mode, the resolver the admin chose (e-mail, or another plugin's) asks Slack; otherwise the user's profile
     * is all there is. The lookup uses a resolver and an HTTP client of its own, a new instance of the chosen type:
     * the Slack plugin's resolver is one instance shared by every {@code slackSend}, which sets its token and client on
     * it, so setting ours there would hand a concurrent post Release Gate's token, or a client closed under it.
     */
    private Optional<String> lookUpMemberId(String jenkinsUserId) {
        User user = User.getById(jenkinsUserId, false);
        if (user == null) {
            return Optional.empty();
        }
        SlackUserIdResolver own = null;
        String token = null;
        try {
            SlackNotifier.DescriptorImpl slack = configured();
            SlackUserIdResolver chosen = slack.getSlackUserIdResolver();
            if (slack.isBotUser() && chosen != null && !(chosen instanceof NoSlackUserIdResolver)) {
                token = token(slack, null);
                own = ownCopyOf(chosen);
            }
        } catch (IOException e) {
            own = null; // no usable token: only the profile can tell
        }
        if (own == null) {
            // The member id the user gave in their profile, unless they turned Slack notifications off.
            return Optional.ofNullable(new NoSlackUserIdResolver().findOrResolveUserId(user));
        }
        try (CloseableHttpClient client = new PluginHttpClient().open()) {
            own.setAuthToken(token);
            own.setHttpClient(client);
            return Optional.ofNullable(own.findOrResolveUserId(user));
        } catch (IOException e) {
            return Optional.empty(); // closing the client failed
        }
    }

    /**
     * A new resolver of the chosen type, made with its public no-argument constructor (the e-mail resolver's, as the
     * Slack plugin's form makes it); null for a type that has none, which then leaves the profile to tell.
     */
    @CheckForNull
    private static SlackUserIdResolver ownCopyOf(SlackUserIdResolver chosen) {
        try {
            return chosen.getClass().getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.log(Level.FINE, e, () -> "Cannot make a Slack user id resolver of type " + chosen.getClass().getName()
                    + " of Release Gate's own; mentions use the Slack member ids of user profiles only");
            return null;
        }
    }

    /** The Slack plugin's global settings when they are enough to post, or why they are not. */
    private static SlackNotifier.DescriptorImpl configured() throws IOException {
        SlackNotifier.DescriptorImpl slack = Jenkins.get().getDescriptorByType(SlackNotifier.DescriptorImpl.class);
        if (slack == null) {
            throw new IOException(Messages.SlackPluginSender_NoSettings());
        }
        if (isBlank(slack.getTokenCredentialId())) {
            throw new IOException(Messages.SlackPluginSender_NoCredential());
        }
        // A webhook goes to the base URL, or to the workspace's jenkins-ci hook; a bot always goes to slack.com.
        if (!slack.isBotUser() && isBlank(slack.getBaseUrl()) && isBlank(slack.getTeamDomain())) {
            throw new IOException(Messages.SlackPluginSender_NoWorkspace());
        }
        return slack;
    }

    /** The secret of the configured credential, as seen from the build's job (folder credentials) or globally. */
    private static String token(SlackNotifier.DescriptorImpl slack, @CheckForNull Run<?, ?> run) throws IOException {
        try {
            return CredentialsObtainer.getTokenToUse(slack.getTokenCredentialId(), run == null ? null : run.getParent(),
                    null);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean isBlank(@CheckForNull String s) {
        return s == null || s.isBlank();
    }

    /**
     * The Slack plugin's HTTP client, with Jenkins' proxy settings and the plugin's time-outs. The plugin offers it to
     * subclasses of its service only (its {@code HttpClient} class is restricted), hence this subclass.
     */
    private static final class PluginHttpClient extends StandardSlackService {
        PluginHttpClient() {
            super(StandardSlackService.builder().withRoomId("unused"));
        }

        CloseableHttpClient open() {
            return getHttpClient();
        }
    }
}
