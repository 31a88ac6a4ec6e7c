package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.User;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import io.jenkins.plugins.releasegate.ledger.ReleaseEventListener;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeSet;
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
 * The RC mark's REST export has the shape docs/rest-api.md documents and the command line's {@code check --history}
 * reads: the same query, the same keys as docs/examples/history-release-candidate.json.
 */
public class RestExportTest {
    static final String QUERY = "api/json?tree=fullName,allBuilds[number,timestamp,building,result,actions[product,"
            + "state,startedAt,releaseManager[id,displayName,source],changeAuthors[id,displayName],urgency[category,"
            + "reason],closure[by[id,displayName],at,reason,nextSteps,closedFor],history[at,from,to,by[id,displayName],"
            + "note]]]{0,500}";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @After
    public void resetClock() {
        GateClock.reset();
    }

    @Test
    public void theDocumentedQueryIsTheOneTested() throws Exception {
        String doc = Files.readString(new File("docs/rest-api.md").toPath(), StandardCharsets.UTF_8);
        assertTrue(doc.contains("?" + QUERY.substring("api/json?".length())));
    }

    @Test
    public void markExportHasTheKeysTheSampleHistoryHas() throws Exception {
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

        JSONObject live = JSONObject.fromObject(j.createWebClient().goTo(p.getUrl() + QUERY, "application/json")
                .getWebResponse().getContentAsString());
        JSONObject sample = JSONObject.fromObject(Files.readString(
                new File("docs/examples/history-release-candidate.json").toPath(), StandardCharsets.UTF_8));

        assertEquals("checkout-rc", live.getString("fullName"));
        JSONObject liveBuild = live.getJSONArray("allBuilds").getJSONObject(0);
        assertEquals(keys(sample.getJSONArray("allBuilds").getJSONObject(0)), keys(liveBuild));
        JSONObject liveMark = mark(liveBuild.getJSONArray("actions"));
        JSONObject sampleMark = mark(sampleRejected(sample));
        assertEquals(keys(sampleMark), keys(liveMark));
        assertEquals(keys(sampleMark.getJSONObject("releaseManager")), keys(liveMark.getJSONObject("releaseManager")));
        assertEquals(keys(sampleMark.getJSONObject("closure")), keys(liveMark.getJSONObject("closure")));
        assertEquals("REJECTED", liveMark.getString("state"));
        assertEquals("alice", liveMark.getJSONObject("releaseManager").getString("id"));
        assertEquals("fix in the next RC", liveMark.getJSONObject("closure").getString("nextSteps"));
    }

    private static JSONArray sampleRejected(JSONObject sample) {
        JSONArray builds = sample.getJSONArray("allBuilds");
        for (int i = 0; i < builds.size(); i++) {
            JSONObject m = mark(builds.getJSONObject(i).getJSONArray("actions"));
            if (m != null && m.get("closure") instanceof JSONObject) {
                return builds.getJSONObject(i).getJSONArray("actions");
            }
        }
        throw new AssertionError("the sample history has no closed RC");
    }

    private static JSONObject mark(JSONArray actions) {
        for (int i = 0; i < actions.size(); i++) {
            JSONObject a = actions.getJSONObject(i);
            if (a.has("product") && a.has("state")) {
                return a;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<String> keys(JSONObject o) {
        assertNotNull(o);
        TreeSet<String> keys = new TreeSet<>(o.keySet());
        keys.remove("_class");
        return keys;
    }
}
