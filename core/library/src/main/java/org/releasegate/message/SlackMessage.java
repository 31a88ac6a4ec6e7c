package org.releasegate.message;

import java.util.Objects;

/**
 * A message for the product's channel.
 *
 * @param text mrkdwn, with everything people typed escaped
 * @param color the attachment color the Slack plugin takes: {@code good}, {@code warning} or {@code danger}
 */
public record SlackMessage(String text, String color) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(color, "color");
    }
}
