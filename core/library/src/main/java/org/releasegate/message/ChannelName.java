package org.releasegate.message;

import java.util.Locale;

/** A Slack channel as the admin wrote it: {@code #checkout}, {@code checkout}, or a channel or member id. */
public final class ChannelName {
    private ChannelName() {
    }

    /** How people read it in a console or on the form: {@code #checkout}. */
    public static String display(String channel) {
        String c = channel.trim();
        return c.startsWith("#") || c.startsWith("@") ? c : "#" + c;
    }

    /** The same channel however it was written, so two products sharing one hear an event once. */
    public static String key(String channel) {
        String c = channel.trim();
        return (c.startsWith("#") ? c.substring(1) : c).toLowerCase(Locale.ROOT);
    }
}
