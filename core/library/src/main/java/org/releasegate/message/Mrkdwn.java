package org.releasegate.message;

/** Slack's mrkdwn: text people typed must not turn into mentions, links or markup. */
public final class Mrkdwn {
    private Mrkdwn() {
    }

    /** Escapes the three characters Slack asks to escape: {@code &}, {@code <} and {@code >}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link, {@code <url|text>}, with the text escaped; just the text when there is no URL. */
    public static String link(String url, String text) {
        return url == null || url.isBlank() ? escape(text) : "<" + url.replace("|", "%7C").replace(">", "%3E") + "|"
                + escape(text) + ">";
    }
}
