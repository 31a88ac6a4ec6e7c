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
        if (!sender.get().isConfigured()) {
            return FormValidation.error(Messages.SlackTestMessage_NotConfigured());
        }
        String name = product == null || product.isBlank() ? Messages.SlackTestMessage_AnyProduct() : product.trim();
        String display = ChannelName.display(channel);
        try {
            // The admin waits for the answer here, as with the Slack plugin's own test button.
            sender.get().send(channel.trim(), new SlackMessage(Messages.SlackTestMessage_Text(Mrkdwn.escape(name)),
                    "good"), null);
            return FormValidation.ok(Messages.SlackTestMessage_Posted(display));
        } catch (IOException | RuntimeException e) {
            return FormValidation.error(Messages.SlackTestMessage_Failed(display, PostFailures.reasonOf(e)));
        }
    }
}
