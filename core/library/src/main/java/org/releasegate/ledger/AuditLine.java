package org.releasegate.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.releasegate.people.Person;

/**
 * One {@link AuditEntry} as one line of the audit journal: seven tab-separated fields (instant, product or empty for
 * every product, actor id, actor name, action, subject, detail), with backslash, tab, carriage return and line feed
 * escaped so an entry is always exactly one line.
 */
public final class AuditLine {
    private static final int FIELDS = 7;

    private AuditLine() {
    }

    public static String format(AuditEntry e) {
        return String.join("\t", e.at().toString(), escape(e.product().orElse("")),
                escape(e.actor().map(Person::id).orElse("")),
                escape(e.actor().map(Person::displayName).orElse("")), e.action().name(), escape(e.subject()),
                escape(e.detail()));
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static AuditEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " tab-separated fields, found " + f.length);
        }
        Instant at;
        try {
            at = Instant.parse(f[0]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an instant: " + f[0], e);
        }
        String product = unescape(f[1]);
        String id = unescape(f[2]);
        String name = unescape(f[3]);
        Optional<Person> actor = id.isEmpty() && name.isEmpty() ? Optional.empty()
                : Optional.of(new Person(id.isEmpty() ? null : id, name.isEmpty() ? null : name));
        return new AuditEntry(at, product.isEmpty() ? Optional.empty() : Optional.of(product), actor,
                AuditEntry.Action.valueOf(f[4]), unescape(f[5]), unescape(f[6]));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("a lone backslash ends the field: " + text);
            }
            char next = text.charAt(i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("unknown escape \\" + next + " in: " + text);
            }
        }
        return out.toString();
    }
}
