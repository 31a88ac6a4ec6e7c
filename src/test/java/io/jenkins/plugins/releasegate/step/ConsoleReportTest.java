package io.jenkins.plugins.releasegate.step;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ConsoleReportTest {
    @Test
    public void typedEscapeSequencesCannotForgeConsoleNotes() {
        assertEquals("hold by eve: [8mha:AAAA[0m totals", ConsoleReport.plain("hold by eve: \u001B[8mha:AAAA\u001B[0m totals"));
    }
}
