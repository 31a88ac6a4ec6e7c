package org.releasegate.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** One run of the command, in-process, with a fixed clock: its exit code, stdout and stderr. */
final class CliRun {
    /** Thursday 2026-11-26, 10:00 in New York (inside Mon-Thu 08:00-16:00), 16:00 in Berlin. */
    static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    /** The caller's zone, as the clock gives it: not the product's, so windows shows two columns. */
    static final ZoneId CALLER_ZONE = ZoneId.of("Europe/Berlin");

    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun run(String... args) {
        return run(Clock.fixed(NOW, CALLER_ZONE), args);
    }

    static CliRun run(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseGateCommand.commandLine(new ReleaseGateCommand(clock))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + out, e);
        }
    }

    /** Exit 2, nothing on stdout, and on stderr one line naming the problem, never a stack trace. */
    CliRun assertBadInput(String expected) {
        assertEquals("exit code; stderr: " + err, ReleaseGateCommand.BAD_INPUT, exitCode);
        assertEquals("", out);
        assertTrue("stderr should say " + expected + ", not: " + err, err.contains(expected));
        assertTrue(err, err.startsWith("release-gate: "));
        assertEquals(err, 1, err.lines().count());
        assertFalse(err, err.contains("\tat ") || err.contains("Exception"));
        return this;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
