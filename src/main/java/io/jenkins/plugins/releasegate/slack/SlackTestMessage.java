package io.jenkins.plugins.releasegate.slack;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.FormValidation;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.Mrkdwn;
import org.releasegate.message.SlackMessage;
import org.releasegate.message.ChannelName;

/**
 * The configuration page's "send test message": posts to the channel typed in the form, now, and says what became of
 * it. The caller checks permissions.
 */
@Restricted(NoExternalUse.class)
public final class SlackTestMessage {
    private SlackTestMessage() {
    }

    public static FormValidation send(@CheckForNull String product, @CheckForNull String channel) {
        if (channel == null || channel.isBlank()) {
            return FormValidation.error(Messages.SlackTestMessage_NoChannel());
        }
        Optional<SlackSender> sender = SlackSender.find();
        if (sender.isEmpty()) {
            return FormValidation.error(Messages.SlackTestMessage_NotInstalled());
        }
        String display = ChannelName.display(channel);
        try {
            if (!sender.get().isConfigured()) {
                return FormValidation.error(Messages.SlackTestMessage_NotConfigured());
            }
            String name = product == null || product.isBlank() ? Messages.SlackTestMessage_AnyProduct()
                    : product.trim();
            // The admin waits for the answer here, as with the Slack plugin's own test button.
            sender.get().send(channel.trim(), new SlackMessage(Messages.SlackTestMessage_Text(Mrkdwn.escape(name)),
                    "good"), null);
            return FormValidation.ok(Messages.SlackTestMessage_Posted(display));
        } catch (IOException | RuntimeException | LinkageError e) {
            // LinkageError: a Slack plugin whose API no longer matches answers the button, not a stack trace page.
            return FormValidation.error(Messages.SlackTestMessage_Failed(display, PostFailures.reasonOf(e)));
        }
    }
}
