package io.jenkins.plugins.releasegate.slack;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.ChannelName;

/**
 * Says that a post did not go out: in the build's console when a build caused it, and in the Jenkins log, as a warning
 * the first time a channel fails for a reason and quietly after, so an outage does not flood the log.
 */
@Restricted(NoExternalUse.class)
final class PostFailures {
    private static final Logger LOGGER = Logger.getLogger(SlackAnnouncer.class.getName());
    private static final int MAX_REMEMBERED = 1000;

    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    void report(String channel, String reason, @CheckForNull TaskListener console, @CheckForNull Throwable cause) {
        String line = Messages.PostFailures_CouldNotPost(ChannelName.display(channel), reason);
        if (warned.size() > MAX_REMEMBERED) {
            warned.clear(); // reasons can carry Slack's varying answers: keep the memory bounded
        }
        Level level = warned.add(ChannelName.key(channel) + '\n' + reason) ? Level.WARNING : Level.FINE;
        // An IOException is Slack or the settings saying no, and its message says all; anything else is a bug.
        LOGGER.log(level, line, cause instanceof IOException ? null : cause);
        if (console != null) {
            try {
                console.getLogger().println(line);
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "Could not print to the console of the build that caused the post", e);
            }
        }
    }

    /** What a person needs to read of an exception. */
    static String reasonOf(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
