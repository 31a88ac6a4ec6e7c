package org.releasegate.people;

import static org.junit.Assert.assertEquals;
import static org.releasegate.Fixtures.ALICE;
import static org.releasegate.Fixtures.BOB;
import static org.releasegate.Fixtures.CAROL;

import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.releasegate.people.ReleaseManager.Source;

public class ReleaseManagerResolverTest {
    private static final Person DAVE = Person.named("Dave Doe <dave@example.com>");
    private static final TriggerCause TIMER = new TriggerCause.Other("Started by timer");

    private static ReleaseManager resolve(List<TriggerCause> causes, Person author, String fallback) {
        return ReleaseManagerResolver.resolve(causes, Optional.ofNullable(author), Optional.ofNullable(fallback));
    }

    @Test
    public void userCauseFirst() {
        ReleaseManager rm = resolve(List.of(TIMER, new TriggerCause.Push(BOB), new TriggerCause.User(ALICE)), DAVE, "carol");
        assertEquals(ReleaseManager.of(ALICE, Source.USER), rm);
    }

    @Test
    public void userAtTheTopOfAnUpstreamChain() {
        TriggerCause chain = new TriggerCause.Upstream("a#1", List.of(new TriggerCause.Upstream("b#2",
                List.of(new TriggerCause.User(ALICE)))));
        assertEquals(ReleaseManager.of(ALICE, Source.UPSTREAM_USER),
                resolve(List.of(chain, new TriggerCause.Push(BOB)), DAVE, null));
    }

    @Test
    public void theDeepestUserOfTheChainWins() {
        TriggerCause chain = new TriggerCause.Upstream("a#1", List.of(new TriggerCause.User(CAROL),
                new TriggerCause.Upstream("b#2", List.of(new TriggerCause.User(ALICE)))));
        assertEquals(Optional.of(ALICE), resolve(List.of(chain), null, null).person());
    }

    @Test
    public void replayUserWhenNoUserStartedIt() {
        assertEquals(ReleaseManager.of(BOB, Source.REPLAY),
                resolve(List.of(new TriggerCause.Replay("rc#3", Optional.of(BOB)), new TriggerCause.Push(CAROL)), DAVE, null));
    }

    @Test
    public void pusherThenCommitAuthor() {
        assertEquals(ReleaseManager.of(CAROL, Source.PUSH),
                resolve(List.of(TIMER, new TriggerCause.Push(CAROL)), DAVE, "alice"));
        assertEquals(ReleaseManager.of(DAVE, Source.COMMIT_AUTHOR), resolve(List.of(TIMER), DAVE, "alice"));
    }

    @Test
    public void productDefaultThenUnassigned() {
        assertEquals(ReleaseManager.of(Person.user("alice"), Source.PRODUCT_DEFAULT), resolve(List.of(TIMER), null, "alice"));
        ReleaseManager none = resolve(List.of(TIMER, new TriggerCause.Upstream("a#1", List.of(TIMER))), null, null);
        assertEquals(ReleaseManager.unassigned(), none);
        assertEquals("unassigned", none.displayName());
    }

    @Test
    public void onlyUsersJenkinsRecordedTriggerABuild() {
        TriggerCause chain = new TriggerCause.Upstream("a#1", List.of(new TriggerCause.User(ALICE)));
        assertEquals(Optional.of(BOB), ReleaseManagerResolver.triggeringUser(List.of(new TriggerCause.User(BOB), chain)));
        assertEquals(Optional.of(ALICE), ReleaseManagerResolver.triggeringUser(List.of(TIMER, chain)));
        // A replay's original triggerer is another run's: a replay by an anonymous or SYSTEM caller has no triggerer.
        assertEquals(Optional.empty(), ReleaseManagerResolver.triggeringUser(
                List.of(new TriggerCause.Replay("rc#3", Optional.of(CAROL)))));
        assertEquals(Optional.of(BOB), ReleaseManagerResolver.triggeringUser(
                List.of(new TriggerCause.Replay("rc#3", Optional.of(CAROL)), new TriggerCause.User(BOB))));
        // A pusher's name comes from the SCM: it names the release manager but never triggers as a Jenkins user.
        assertEquals(Optional.empty(), ReleaseManagerResolver.triggeringUser(List.of(new TriggerCause.Push(BOB), TIMER)));
    }
}
