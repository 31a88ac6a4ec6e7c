package org.releasegate.cli;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.releasegate.schedule.WeekView;

/**
 * Core's {@link WeekView} as a standalone SVG file, for docs and chat: seven day columns, time running down, each open
 * stretch and each freeze a labelled block (with a tooltip), hour lines and a mark at the instant it was drawn for. The
 * same picture the status page draws, with its colours inline, since a file has no stylesheet.
 */
final class WeekSvg {
    static final int GUTTER = 56;
    static final int HEADER = 64;
    static final int COLUMN = 120;
    static final int INSET = 4;
    static final int FOOTER = 28;
    /** Vertical units per minute: a day is 480 units tall. */
    static final double SCALE = 1.0 / 3;
    static final int WIDTH = GUTTER + WeekView.DAYS * COLUMN + INSET;
    static final int DAY_HEIGHT = (int) Math.round(WeekView.MINUTES_PER_DAY * SCALE);
    static final int HEIGHT = HEADER + DAY_HEIGHT + FOOTER;
    static final String OPEN = "#2e7d32";
    static final String FROZEN = "#90a4ae";
    static final String NOW = "#c62828";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter WEEK_OF = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private WeekSvg() {
    }

    /** The picture of {@code week} for {@code product}, as one SVG document ending with a new line. */
    static String render(String product, WeekView week) {
        String title = product + ": production windows and freezes, the week of "
                + WEEK_OF.format(week.days().get(0).date()) + " (" + week.zone().getId() + ")";
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("  <title>").append(escape(title)).append("</title>\n");
        svg.append("  <rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"").append(GUTTER).append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>\n");
        for (int i = 0; i < week.days().size(); i++) {
            WeekView.Day day = week.days().get(i);
            int x = GUTTER + i * COLUMN;
            svg.append("  <rect class=\"day\" x=\"").append(x).append("\" y=\"").append(HEADER).append("\" width=\"")
                    .append(COLUMN).append("\" height=\"").append(DAY_HEIGHT)
                    .append("\" fill=\"#f5f5f5\" stroke=\"#e0e0e0\"/>\n");
            svg.append("  <text class=\"day-label\" x=\"").append(x + COLUMN / 2).append("\" y=\"")
                    .append(HEADER - 10).append("\" text-anchor=\"middle\">").append(escape(DAY.format(day.date())))
                    .append("</text>\n");
        }
        for (int hour = 0; hour <= 24; hour += 6) {
            String y = y(hour * 60);
            svg.append("  <line class=\"hour\" x1=\"").append(GUTTER).append("\" x2=\"").append(WIDTH - INSET)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"#bdbdbd\"/>\n");
            svg.append("  <text class=\"hour-label\" x=\"4\" y=\"").append(number(HEADER + hour * 60 * SCALE + 4))
                    .append("\">").append(String.format(Locale.ROOT, "%02d:00", hour)).append("</text>\n");
        }
        for (int i = 0; i < week.days().size(); i++) {
            WeekView.Day day = week.days().get(i);
            int x = GUTTER + i * COLUMN + INSET;
            String date = DAY.format(day.date());
            // Frozen blocks first, so the open ones are drawn over them (they never overlap: freezes close production).
            for (WeekView.Frozen f : day.frozen()) {
                block(svg, "frozen", FROZEN, x, f.range(), date + " frozen " + f.range().clock() + ": " + f.reason(),
                        f.reason());
            }
            for (WeekView.Range r : day.open()) {
                block(svg, "open", OPEN, x, r, date + " open " + r.clock(), r.clock());
            }
        }
        String nowY = y(week.nowMinute());
        svg.append("  <line class=\"now\" x1=\"").append(GUTTER).append("\" x2=\"").append(GUTTER + COLUMN)
                .append("\" y1=\"").append(nowY).append("\" y2=\"").append(nowY).append("\" stroke=\"").append(NOW)
                .append("\" stroke-width=\"2\"><title>now: ").append(clock(week.nowMinute()))
                .append("</title></line>\n");
        int keyY = HEADER + DAY_HEIGHT + 20;
        svg.append("  <rect x=\"").append(GUTTER).append("\" y=\"").append(keyY - 10)
                .append("\" width=\"12\" height=\"12\" fill=\"").append(OPEN).append("\"/>\n");
        svg.append("  <text x=\"").append(GUTTER + 16).append("\" y=\"").append(keyY).append("\">open</text>\n");
        svg.append("  <rect x=\"").append(GUTTER + 70).append("\" y=\"").append(keyY - 10)
                .append("\" width=\"12\" height=\"12\" fill=\"").append(FROZEN).append("\"/>\n");
        svg.append("  <text x=\"").append(GUTTER + 86).append("\" y=\"").append(keyY).append("\">frozen</text>\n");
        svg.append("  <line x1=\"").append(GUTTER + 150).append("\" x2=\"").append(GUTTER + 162).append("\" y1=\"")
                .append(keyY - 4).append("\" y2=\"").append(keyY - 4).append("\" stroke=\"").append(NOW)
                .append("\" stroke-width=\"2\"/>\n");
        svg.append("  <text x=\"").append(GUTTER + 166).append("\" y=\"").append(keyY)
                .append("\">now (on the first day); times in ").append(escape(week.zone().getId())).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A labelled block: its tooltip says the day, the kind and the times; its label, the times or the reason. */
    private static void block(StringBuilder svg, String kind, String fill, int x, WeekView.Range range, String tooltip,
            String label) {
        svg.append("  <g class=\"").append(kind).append("\">\n");
        svg.append("    <title>").append(escape(tooltip)).append("</title>\n");
        svg.append("    <rect x=\"").append(x).append("\" y=\"").append(y(range.from())).append("\" width=\"")
                .append(COLUMN - 2 * INSET).append("\" height=\"").append(number((range.to() - range.from()) * SCALE))
                .append("\" fill=\"").append(fill).append("\" rx=\"3\"/>\n");
        svg.append("    <text x=\"").append(x + 4).append("\" y=\"").append(number(HEADER + range.from() * SCALE + 13))
                .append("\" fill=\"#ffffff\">").append(escape(label)).append("</text>\n");
        svg.append("  </g>\n");
    }

    static String y(int minute) {
        return number(HEADER + minute * SCALE);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String clock(int minute) {
        return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
    }

    /** Text and attribute values as XML needs them: a freeze's reason is the admin's words. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
