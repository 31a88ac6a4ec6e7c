package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import hudson.util.XStream2;
import io.jenkins.plugins.releasegate.ledger.CandidateRecord;
import java.util.List;
import org.junit.Test;

/**
 * The mark's getters never throw, whatever a build.xml holds: Stapler drops a mark whose exported getter throws from
 * the REST answer, and a view that calls one breaks the build page. No Jenkins needed: the marks are read as XStream
 * reads a build.xml.
 */
public class MarkGettersTest {
    private static CandidateRecord stored(String fields) {
        String tag = CandidateRecord.class.getName();
        return (CandidateRecord) new XStream2().fromXML("<" + tag + ">" + fields + "</" + tag + ">");
    }

    @Test
    public void aMarkWithoutItsRecordShowsNothing() {
        ReleaseCandidateAction mark = new ReleaseCandidateAction(null);
        assertNull(mark.getProduct());
        assertNull(mark.getState());
        assertNull(mark.getStartedAt());
        assertNull(mark.getReleaseManager());
        assertEquals(List.of(), mark.getChangeAuthors());
        assertNull(mark.getUrgency());
        assertNull(mark.getClosure());
        assertEquals(List.of(), mark.getHistory());
        assertEquals("RC", mark.getBadgeText());
        assertEquals("Release candidate", mark.getTooltip());
        assertNull(mark.getReleaseManagerUrl());
        assertEquals("", mark.getAge());
        assertFalse(mark.isOpen());
        assertFalse(mark.isRejectAllowed());
    }

    @Test
    public void aMarkCoreCannotReadStillExportsWhatItHas() {
        ReleaseCandidateAction mark = new ReleaseCandidateAction(stored("<build>not a build</build>"
                + "<product>checkout</product><state>LIMBO</state><startedAt>1795532430651</startedAt>"
                + "<changeAuthors><null/></changeAuthors><history><null/></history>"));
        assertEquals("checkout", mark.getProduct());
        assertEquals("LIMBO", mark.getState());
        assertEquals("2026-11-24T15:00:30.651Z", mark.getStartedAt());
        assertNull(mark.getReleaseManager());
        assertEquals(List.of(), mark.getChangeAuthors());
        assertEquals(List.of(), mark.getHistory());
        assertEquals("RC", mark.getBadgeText());
        assertEquals("Release candidate", mark.getTooltip());
        assertNull(mark.getReleaseManagerUrl());
        assertEquals("", mark.getAge());
        assertFalse(mark.isOpen());
    }

    @Test
    public void aReleaseManagerNamingNobodyIsUnassigned() {
        ReleaseCandidateAction mark = new ReleaseCandidateAction(stored("<build>checkout-rc#4</build>"
                + "<product>checkout</product><state>REJECTED</state><startedAt>1795532430651</startedAt>"
                + "<releaseManager><id> </id><source>USER</source></releaseManager>"));
        assertEquals("RC", mark.getBadgeText());
        assertEquals("Release candidate of checkout: REJECTED; release manager unassigned", mark.getTooltip());
        assertNull(mark.getReleaseManagerUrl());
        assertFalse(mark.isOpen());
    }
}
