package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.people.Person;
import org.releasegate.rc.BuildRef;

/**
 * The build's default REST export ({@code /job/x/42/api/json}, no {@code tree=}) shows the RC mark in full. Stapler
 * prunes it by depth (TreePruner.ByDepth): the run is depth 1, the mark's fields 2, the release manager's, closure's
 * and history's fields 3, and the people inside closure and history 4; a bean exported one level too shallow comes
 * out as an empty object.
 */
public class DefaultRestExportTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void theDefaultExportShowsReleaseManagerClosureAndHistory() throws Exception {
        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-rc");
        checkout.setProductionWindows("Mon-Sun 00:00-24:00");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-rc");
        p.setDefinition(new CpsFlowDefinition("releaseGate product: 'checkout', stage: 'rc'", true));
        User.getById("alice", true);
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("alice"))));
        ReleaseEventListener.publish(LedgerStore.get().change(l -> l.reject(ReleaseGateConfiguration.get()
                .product("checkout"), new BuildRef("checkout-rc", b.getNumber()), Person.user("carol"), "totals wrong",
                "fix in the next RC", GateClock.now())), null);

        JSONObject build = JSONObject.fromObject(j.createWebClient().goTo(b.getUrl() + "api/json", "application/json")
                .getWebResponse().getContentAsString());
        JSONObject mark = mark(build.getJSONArray("actions"));

        assertEquals("REJECTED", mark.getString("state"));
        assertEquals("alice", mark.getJSONObject("releaseManager").getString("id"));
        assertTrue(mark.toString(), mark.get("changeAuthors") instanceof JSONArray);
        JSONObject closure = mark.getJSONObject("closure");
        assertEquals("fix in the next RC", closure.getString("nextSteps"));
        assertEquals("carol", closure.getJSONObject("by").getString("id"));
        JSONArray history = mark.getJSONArray("history");
        JSONObject last = history.getJSONObject(history.size() - 1);
        assertEquals("REJECTED", last.getString("to"));
        assertEquals("carol", last.getJSONObject("by").getString("id"));
    }

    private static JSONObject mark(JSONArray actions) {
        for (int i = 0; i < actions.size(); i++) {
            JSONObject a = actions.getJSONObject(i);
            if (a.has("product") && a.has("state")) {
                return a;
            }
        }
        throw new AssertionError("no RC mark in " + actions);
    }
}
