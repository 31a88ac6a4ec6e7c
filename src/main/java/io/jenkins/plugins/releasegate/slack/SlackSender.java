package io.jenkins.plugins.releasegate.slack;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.SlackMessage;
import org.releasegate.people.Person;

/**
 * Posts a message to a Slack channel. The Slack plugin's sender is registered only where that plugin is installed, so
 * nothing else in Release Gate touches {@code jenkins.plugins.slack}; tests register their own.
 */
@Restricted(NoExternalUse.class)
public abstract class SlackSender implements ExtensionPoint {
    /** Whether a post could go out at all: a token and somewhere to send it. */
    public abstract boolean isConfigured();

    /**
     * Posts the message; blocks on the network, so never call it on a Pipeline's CPS thread.
     *
     * @param channel the channel as the admin wrote it: {@code #checkout}, {@code checkout} or a channel id
     * @param run the build the message is about, whose folder's credentials may apply, if there is one
     * @throws IOException saying why, when the message did not go out
     */
    public abstract void send(String channel, SlackMessage message, @CheckForNull Run<?, ?> run) throws IOException;

    /** The person's Slack member id, to mention them, where it can be known; never throws. */
    public abstract Optional<String> slackUserId(Person person);

    /** The sender in use: the one with the highest ordinal, or none without the Slack plugin. */
    public static Optional<SlackSender> find() {
        return ExtensionList.lookup(SlackSender.class).stream().findFirst();
    }
}
