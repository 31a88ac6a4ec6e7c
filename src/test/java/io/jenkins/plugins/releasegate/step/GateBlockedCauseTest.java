package io.jenkins.plugins.releasegate.step;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.junit.Test;

/** What the build page says about a build the gate ended. */
public class GateBlockedCauseTest {
    private static final String HEADLINE = "Release Gate: production release of checkout is BLOCKED.";
    private static final String SUMMARY = HEADLINE + " What blocks it: outside the production window "
            + "(Mon-Thu 08:00-16:00 America/New_York); freeze 2026-12-21..2027-01-04 Holiday freeze.";

    @Test
    public void theBuildPageShowsTheHeadlineOnceThenTheReasons() {
        assertEquals(SUMMARY, new GateBlockedCause("checkout", HEADLINE, SUMMARY).getShortDescription());
    }

    /** Builds saved before the summary existed hold only a headline, and keep the words they had. */
    @Test
    public void aBuildSavedBeforeTheSummaryKeepsItsWords() {
        String old = "Release Gate: production release of checkout is BLOCKED. outside the production window";
        assertEquals("Blocked by Release Gate: " + old, new GateBlockedCause("checkout", old, null).getShortDescription());
    }

    @Test
    public void causesDifferByWhatBlocks() {
        assertEquals(new GateBlockedCause("checkout", HEADLINE, SUMMARY), new GateBlockedCause("checkout", HEADLINE, SUMMARY));
        assertNotEquals(new GateBlockedCause("checkout", HEADLINE, SUMMARY),
                new GateBlockedCause("checkout", HEADLINE, HEADLINE + " What blocks it: a hold."));
    }
}
