package io.jenkins.plugins.releasegate.action;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.sf.json.JSONArray;
import net.sf.json.JSONNull;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.RcEvent;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;

/**
 * The RC mark's REST export, as Stapler writes it for the query docs/rest-api.md documents and the command line's
 * {@code check --history} reads, against the samples in docs/examples/: the same values of the same types in every
 * field the command line reads (builds, marks, release managers, authors, urgency, closure, history).
 */
public class RestExportTest {
    static final String QUERY = "api/json?tree=fullName,allBuilds[number,timestamp,building,result,actions[product,"
            + "state,startedAt,releaseManager[id,displayName,source],changeAuthors[id,displayName],urgency[category,"
            + "reason],closure[by[id,displayName],at,reason,nextSteps,closedFor],history[at,from,to,by[id,displayName],"
            + "note]]]{0,500}";
    private static final String RC_SAMPLE = "docs/examples/history-release-candidate.json";
    private static final String HOTFIX_SAMPLE = "docs/examples/history-hotfix.json";

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

    /**
     * Every mark of both samples, put on a build as the plugin puts it ({@link RcMarkUpdater#mark}), comes back from
     * the REST API exactly as the sample shows it: keys, values, types and nulls.
     */
    @Test
    public void everySampleMarkIsExportedAsTheSampleShowsIt() throws Exception {
        List<JSONObject> sampleBuilds = new ArrayList<>();
        for (String sample : List.of(RC_SAMPLE, HOTFIX_SAMPLE)) {
            JSONArray builds = read(sample).getJSONArray("allBuilds");
            for (int i = 0; i < builds.size(); i++) {
                if (mark(builds.getJSONObject(i).getJSONArray("actions")) != null) {
                    sampleBuilds.add(builds.getJSONObject(i));
                }
            }
        }
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-rc");
        p.setDefinition(new CpsFlowDefinition("echo 'a build'", true));
        for (JSONObject sampleBuild : sampleBuilds) {
            WorkflowRun b = j.buildAndAssertSuccess(p);
            JSONObject sampleMark = mark(sampleBuild.getJSONArray("actions"));
            RcMarkUpdater.mark(candidate(sampleMark, new BuildRef(p.getFullName(), b.getNumber())));
        }

        JSONObject live = export(p);
        assertEquals(p.getFullName(), live.getString("fullName"));
        JSONArray liveBuilds = live.getJSONArray("allBuilds");
        assertEquals(sampleBuilds.size(), liveBuilds.size());
        for (int i = 0; i < sampleBuilds.size(); i++) {
            // Jenkins lists newest first: the last build marked is the first listed.
            JSONObject sampleBuild = sampleBuilds.get(sampleBuilds.size() - 1 - i);
            JSONObject liveBuild = liveBuilds.getJSONObject(i);
            String path = "allBuilds[" + i + "]";
            assertEquals(path, keys(sampleBuild), keys(liveBuild));
            assertTrue(path + ".number", liveBuild.get("number") instanceof Integer);
            assertTrue(path + ".timestamp", liveBuild.get("timestamp") instanceof Number);
            assertEquals(path + ".building", Boolean.FALSE, liveBuild.get("building"));
            assertEquals(path + ".result", "SUCCESS", liveBuild.get("result"));
            assertSameJson(path + ".mark", mark(sampleBuild.getJSONArray("actions")),
                    mark(liveBuild.getJSONArray("actions")));
        }
    }

    /**
     * A real rejection: an RC that passed the gate through the step, ended, and was rejected, exported with the values
     * the sample's rejected RC (checkout/hotfix#7) has, times and build aside.
     */
    @Test
    public void aRejectedRcIsExportedAsTheSampleRejectionShowsIt() throws Exception {
        ProductConfig checkout = new ProductConfig("checkout");
        checkout.setJobs("checkout-hotfix");
        checkout.setProductionWindows("Mon-Sun 00:00-24:00");
        ReleaseGateConfiguration.get().setProducts(List.of(checkout));
        User.getById("erin", true).setFullName("Erin Evans");
        WorkflowJob p = j.createProject(WorkflowJob.class, "checkout-hotfix");
        p.setDefinition(new CpsFlowDefinition("releaseGate product: 'checkout', stage: 'rc'", true));
        WorkflowRun b = j.assertBuildStatusSuccess(p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("erin"))));
        JSONObject sample = mark(rejected(read(HOTFIX_SAMPLE)).getJSONArray("actions"));
        JSONObject sampleClosure = sample.getJSONObject("closure");
        ReleaseEventListener.publish(LedgerStore.get().change(l -> l.reject(ReleaseGateConfiguration.get()
                .product("checkout"), new BuildRef("checkout-hotfix", b.getNumber()), Person.user("carol",
                "Carol Chen"), sampleClosure.getString("reason"), sampleClosure.getString("nextSteps"),
                GateClock.now())), null);

        JSONObject liveBuild = export(p).getJSONArray("allBuilds").getJSONObject(0);
        assertEquals(Boolean.FALSE, liveBuild.get("building"));
        assertEquals("SUCCESS", liveBuild.get("result"));
        JSONObject live = mark(liveBuild.getJSONArray("actions"));
        assertNotNull("the build has no mark: " + liveBuild, live);
        assertEquals(keys(sample), keys(live));
        for (String same : List.of("product", "state", "releaseManager", "urgency")) {
            assertSameJson(same, sample.get(same), live.get(same));
        }
        assertInstant("startedAt", live.get("startedAt"));
        assertEquals(new JSONArray(), live.getJSONArray("changeAuthors")); // a Pipeline without SCM changes

        JSONObject liveClosure = live.getJSONObject("closure");
        assertEquals(keys(sampleClosure), keys(liveClosure));
        for (String same : List.of("by", "reason", "nextSteps", "closedFor")) {
            assertSameJson("closure." + same, sampleClosure.get(same), liveClosure.get(same));
        }
        assertInstant("closure.at", liveClosure.get("at"));

        JSONArray sampleHistory = sample.getJSONArray("history");
        JSONArray liveHistory = live.getJSONArray("history");
        assertEquals(sampleHistory.size(), liveHistory.size());
        for (int i = 0; i < sampleHistory.size(); i++) {
            JSONObject s = sampleHistory.getJSONObject(i);
            JSONObject l = liveHistory.getJSONObject(i);
            assertEquals(keys(s), keys(l));
            for (String same : List.of("from", "to", "by", "note")) {
                assertSameJson("history[" + i + "]." + same, s.get(same), l.get(same));
            }
            assertInstant("history[" + i + "].at", l.get("at"));
        }
    }

    private JSONObject export(WorkflowJob p) throws Exception {
        return JSONObject.fromObject(j.createWebClient().goTo(p.getUrl() + QUERY, "application/json")
                .getWebResponse().getContentAsString());
    }

    private static JSONObject read(String sample) throws Exception {
        return JSONObject.fromObject(Files.readString(new File(sample).toPath(), StandardCharsets.UTF_8));
    }

    /** The sample's build whose RC was rejected by a person: a rejection, not a build that failed. */
    private static JSONObject rejected(JSONObject sample) {
        JSONArray builds = sample.getJSONArray("allBuilds");
        for (int i = 0; i < builds.size(); i++) {
            JSONObject m = mark(builds.getJSONObject(i).getJSONArray("actions"));
            if (m != null && "REJECTED".equals(m.get("state"))) {
                return builds.getJSONObject(i);
            }
        }
        throw new AssertionError("the sample history has no rejected RC");
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

    /** The sample's mark as core's RC, on {@code build}: what the ledger would hold. */
    private static ReleaseCandidate candidate(JSONObject m, BuildRef build) {
        JSONObject rm = m.getJSONObject("releaseManager");
        ReleaseManager releaseManager = ReleaseManager.restore(person(rm),
                ReleaseManager.Source.valueOf(rm.getString("source")));
        List<Person> authors = new ArrayList<>();
        for (Object a : m.getJSONArray("changeAuthors")) {
            person(a).ifPresent(authors::add);
        }
        Optional<Urgency> urgency = isNull(m.get("urgency")) ? Optional.empty()
                : Optional.of(new Urgency(UrgencyCategory.valueOf(m.getJSONObject("urgency").getString("category")),
                        text(m.getJSONObject("urgency"), "reason")));
        Optional<ReleaseCandidate.Closure> closure = Optional.empty();
        if (!isNull(m.get("closure"))) {
            JSONObject c = m.getJSONObject("closure");
            closure = Optional.of(new ReleaseCandidate.Closure(person(c.get("by")), Instant.parse(c.getString("at")),
                    text(c, "reason"), Optional.ofNullable(text(c, "nextSteps")),
                    Optional.ofNullable(text(c, "closedFor")).map(BuildRef::parse)));
        }
        List<RcEvent> history = new ArrayList<>();
        for (Object o : m.getJSONArray("history")) {
            JSONObject e = (JSONObject) o;
            history.add(new RcEvent(Instant.parse(e.getString("at")), RcState.valueOf(e.getString("from")),
                    RcState.valueOf(e.getString("to")), person(e.get("by")), e.getString("note")));
        }
        return ReleaseCandidate.restore(build, m.getString("product"), releaseManager, authors, urgency,
                Instant.parse(m.getString("startedAt")), RcState.valueOf(m.getString("state")), history, closure);
    }

    private static Optional<Person> person(Object o) {
        if (isNull(o)) {
            return Optional.empty();
        }
        JSONObject p = (JSONObject) o;
        return Person.ofNullable(text(p, "id"), text(p, "displayName"));
    }

    private static String text(JSONObject o, String key) {
        Object v = o.get(key);
        return v instanceof String s ? s : null;
    }

    private static boolean isNull(Object v) {
        return v == null || v instanceof JSONNull || (v instanceof JSONObject o && o.isNullObject());
    }

    /** Same keys ({@code _class} aside), same values, same JSON types, all the way down. */
    private static void assertSameJson(String path, Object expected, Object actual) {
        if (isNull(expected) || isNull(actual)) {
            assertEquals(path + " null", isNull(expected), isNull(actual));
        } else if (expected instanceof JSONObject e) {
            if (!(actual instanceof JSONObject a)) {
                throw new AssertionError(path + ": expected an object, found " + actual);
            }
            assertEquals(path + " keys", keys(e), keys(a));
            for (String k : keys(e)) {
                assertSameJson(path + "." + k, e.get(k), a.get(k));
            }
        } else if (expected instanceof JSONArray e) {
            if (!(actual instanceof JSONArray a)) {
                throw new AssertionError(path + ": expected a list, found " + actual);
            }
            assertEquals(path + " size", e.size(), a.size());
            for (int i = 0; i < e.size(); i++) {
                assertSameJson(path + "[" + i + "]", e.get(i), a.get(i));
            }
        } else if (expected instanceof Number e) {
            if (!(actual instanceof Number a)) {
                throw new AssertionError(path + ": expected a number, found " + actual);
            }
            assertEquals(path, e.longValue(), a.longValue());
        } else {
            assertEquals(path + " type", expected.getClass(), actual.getClass());
            assertEquals(path, expected, actual);
        }
    }

    private static void assertInstant(String path, Object value) {
        if (!(value instanceof String s)) {
            fail(path + ": expected an ISO-8601 instant, found " + value);
            return;
        }
        assertEquals(path, s, Instant.parse(s).toString());
    }

    @SuppressWarnings("unchecked")
    private static TreeSet<String> keys(JSONObject o) {
        assertNotNull(o);
        TreeSet<String> keys = new TreeSet<>(o.keySet());
        keys.remove("_class");
        return keys;
    }
}
