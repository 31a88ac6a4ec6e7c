package org.releasegate.urgency;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.Test;
import org.releasegate.policy.PolicyException;

/** What an urgent exception may lift, as an admin writes it, and how an urgency reads back. */
public class UrgencyReachTest {
    @Test
    public void liftsAreReadAsWrittenAndWrittenBack() {
        assertEquals(EnumSet.of(Lift.WINDOW, Lift.RC_IN_FLIGHT), Lift.parseAll("window, rc-in-flight"));
        assertEquals(EnumSet.of(Lift.FREEZE), Lift.parseAll("  FREEZE  "));
        assertEquals(Set.of(), Lift.parseAll(""));
        assertEquals(Set.of(), Lift.parseAll(null));
        assertEquals("WINDOW, FREEZE", Lift.format(EnumSet.of(Lift.FREEZE, Lift.WINDOW)));
        assertEquals("Unknown rule \"HOLD\" in \"WINDOW, HOLD\": an exception may lift WINDOW, FREEZE, RC_IN_FLIGHT",
                assertThrows(PolicyException.class, () -> Lift.parseAll("WINDOW, HOLD")).getMessage());
    }

    @Test
    public void reachesAreEqualWhenEveryCategoryLiftsTheSame() {
        ExceptionReach defaults = ExceptionReach.defaults();
        assertEquals(defaults, ExceptionReach.defaults().with(UrgencyCategory.URGENT_DELIVERY,
                EnumSet.of(Lift.WINDOW, Lift.RC_IN_FLIGHT)));
        assertEquals(defaults.hashCode(), ExceptionReach.defaults().hashCode());
        ExceptionReach narrower = defaults.with(UrgencyCategory.PRODUCTION_DOWN, EnumSet.of(Lift.WINDOW));
        assertNotEquals(defaults, narrower);
        assertEquals(Set.of(Lift.WINDOW), narrower.lifts(UrgencyCategory.PRODUCTION_DOWN));
        assertNotEquals(defaults, "defaults");
    }

    @Test
    public void categoriesDescribeTheSeedsReasons() {
        assertEquals("production is completely down", UrgencyCategory.PRODUCTION_DOWN.getDescription());
        assertEquals("delivery of functionality is urgent (another team's deadline)",
                UrgencyCategory.URGENT_DELIVERY.getDescription());
    }

    @Test
    public void urgencyReadsAsCategoryAndReason() {
        assertEquals("PRODUCTION_DOWN: INC-4411 checkout returns 500s",
                new Urgency(UrgencyCategory.PRODUCTION_DOWN, " INC-4411 checkout returns 500s ").toString());
    }
}
