package org.releasegate.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's audit as an append-only journal: one file per day (UTC), {@code audit-YYYY-MM-DD.log}, one
 * {@link AuditLine} per entry. Appending costs the entries appended, never the history behind them; retention deletes
 * whole days; reading takes the newest entries and opens only the days it needs. Not thread-safe: its owner serialises
 * calls.
 */
public final class AuditJournal {
    /** The retention when none is configured. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    private static final Pattern DAY_FILE = Pattern.compile("audit-(\\d{4}-\\d{2}-\\d{2})\\.log");

    private final Path dir;

    public AuditJournal(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Appends entries, each to the file of its day. */
    public void append(List<AuditEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        Map<LocalDate, List<AuditEntry>> byDay = new TreeMap<>();
        for (AuditEntry e : entries) {
            byDay.computeIfAbsent(day(e.at()), d -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<LocalDate, List<AuditEntry>> day : byDay.entrySet()) {
            try (BufferedWriter w = Files.newBufferedWriter(file(day.getKey()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                for (AuditEntry e : day.getValue()) {
                    w.write(AuditLine.format(e));
                    w.write('\n');
                }
            }
        }
    }

    /**
     * Deletes the days that ended more than {@code retention} before {@code now}.
     *
     * @return how many day files were deleted
     */
    public int prune(Instant now, Duration retention) throws IOException {
        LocalDate oldestKept = day(now.minus(retention));
        int deleted = 0;
        for (Map.Entry<LocalDate, Path> day : days().entrySet()) {
            if (day.getKey().isBefore(oldestKept)) {
                Files.deleteIfExists(day.getValue());
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * The newest entries, at most {@code limit}, none before {@code notBefore}, oldest first. Opens the newest day first
     * and stops as soon as it has enough, so the cost is that of the days read, not of the whole journal.
     *
     * @param unreadable told of each line that cannot be read (the file and the problem); the line is skipped
     */
    public List<AuditEntry> tail(int limit, Instant notBefore, BiConsumer<Path, String> unreadable) throws IOException {
        Deque<AuditEntry> out = new ArrayDeque<>();
        List<Map.Entry<LocalDate, Path>> newestFirst = new ArrayList<>(days().entrySet());
        Collections.reverse(newestFirst);
        LocalDate firstDay = day(notBefore);
        for (Map.Entry<LocalDate, Path> day : newestFirst) {
            if (out.size() >= limit || day.getKey().isBefore(firstDay)) {
                break;
            }
            List<AuditEntry> entries = read(day.getValue(), notBefore, unreadable);
            for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.addFirst(entries.get(i));
            }
        }
        return new ArrayList<>(out);
    }

    private static List<AuditEntry> read(Path file, Instant notBefore, BiConsumer<Path, String> unreadable)
            throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                AuditEntry e = AuditLine.parse(line);
                if (!e.at().isBefore(notBefore)) {
                    entries.add(e);
                }
            } catch (RuntimeException e) {
                unreadable.accept(file, "line " + number + ": " + e.getMessage());
            }
        }
        return entries;
    }

    /** The day files, oldest first. */
    private Map<LocalDate, Path> days() throws IOException {
        Map<LocalDate, Path> days = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return days;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "audit-*.log")) {
            for (Path f : files) {
                Path name = f.getFileName();
                Matcher m = DAY_FILE.matcher(name == null ? "" : name.toString());
                if (m.matches()) {
                    try {
                        days.put(LocalDate.parse(m.group(1)), f);
                    } catch (DateTimeParseException e) {
                        // not one of ours (audit-2026-13-45.log): leave it alone
                    }
                }
            }
        }
        return days;
    }

    private Path file(LocalDate day) {
        return dir.resolve("audit-" + day + ".log");
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
