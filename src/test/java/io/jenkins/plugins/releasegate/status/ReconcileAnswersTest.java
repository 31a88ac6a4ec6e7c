package io.jenkins.plugins.releasegate.status;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.FreeStyleProject;
import java.io.IOException;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** {@code POST /release-gate/reconcile} answers a REST caller in JSON, its refusal included, like hold and lift. */
public class ReconcileAnswersTest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Test
    public void reconcileAnswersJsonCallersInJson() throws Exception {
        j.createFreeStyleProject("checkout-rc");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("otto"));
        Gate.configure(Gate.product("checkout", "checkout-rc"));

        WebResponse refused = reconcile("otto");
        assertEquals(403, refused.getStatusCode());
        JSONObject error = JSONObject.fromObject(refused.getContentAsString());
        assertEquals(403, error.getInt("status"));
        assertTrue(error.getString("message"), error.getString("message").contains("Overall/Administer"));

        WebResponse done = reconcile("admin");
        assertEquals(200, done.getStatusCode());
        assertEquals(1, JSONObject.fromObject(done.getContentAsString()).getJSONArray("products").size());
    }

    private WebResponse reconcile(String user) throws IOException, Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(wc.createCrumbedUrl("release-gate/reconcile"), HttpMethod.POST);
        request.setAdditionalHeader("Accept", "application/json");
        return wc.getPage(request).getWebResponse();
    }
}
