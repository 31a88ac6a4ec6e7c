package org.releasegate.schedule;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Production windows as people write them: one or more windows separated by {@code ;} or new lines, such as
 * {@code Mon-Thu 08:00-16:00 America/New_York; Fri 08:00-12:00}. {@value #NEVER} (in any case) has no window:
 * production never opens. An empty spec means the same, but a blank value disappears from a Configuration-as-Code
 * export, and re-applying that export would bring back the default window; {@code never} survives the round trip.
 */
public final class WindowSpec {
    /** The spelling of "no window at all": production never opens. */
    public static final String NEVER = "never";

    private final List<ProductionWindow> windows;

    private WindowSpec(List<ProductionWindow> windows) {
        this.windows = List.copyOf(windows);
    }

    public static WindowSpec of(List<ProductionWindow> windows) {
        return new WindowSpec(windows);
    }

    /**
     * Reads a spec; windows without a zone take {@code defaultZone}.
     *
     * @throws SpecException quoting the window that failed, with its column, and the index in the whole spec
     */
    public static WindowSpec parse(String spec, ZoneId defaultZone) {
        String text = spec == null ? "" : spec;
        List<ProductionWindow> windows = new ArrayList<>();
        int count = countParts(text);
        int partStart = 0;
        int number = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != ';' && text.charAt(i) != '\n') {
                continue;
            }
            String raw = text.substring(partStart, i);
            String part = raw.strip();
            if (part.equalsIgnoreCase(NEVER)) {
                if (count > 1) {
                    int at = partStart + raw.indexOf(part.charAt(0));
                    throw new SpecException('"' + part + "\" at column " + (at + 1) + " stands alone: it means no window "
                            + "at all; remove it or the other windows", text, at);
                }
            } else if (!part.isEmpty()) {
                number++;
                int offset = partStart + raw.indexOf(part.charAt(0));
                try {
                    windows.add(ProductionWindow.parse(part, defaultZone));
                } catch (SpecException e) {
                    String where = count > 1 ? " (window " + number + " of " + count + ")" : "";
                    throw new SpecException(e.getMessage() + where, text, offset + e.getErrorIndex());
                }
            }
            partStart = i + 1;
        }
        return new WindowSpec(windows);
    }

    private static int countParts(String text) {
        int count = 0;
        for (String part : text.split("[;\n]")) {
            if (!part.isBlank()) {
                count++;
            }
        }
        return count;
    }

    public List<ProductionWindow> getWindows() {
        return windows;
    }

    public boolean isEmpty() {
        return windows.isEmpty();
    }

    /** Canonical text, windows joined by {@code "; "}, or {@value #NEVER} for none; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return windows.isEmpty() ? NEVER : windows.stream().map(ProductionWindow::toString).collect(Collectors.joining("; "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WindowSpec w && windows.equals(w.windows);
    }

    @Override
    public int hashCode() {
        return windows.hashCode();
    }
}
