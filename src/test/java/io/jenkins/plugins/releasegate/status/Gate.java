package io.jenkins.plugins.releasegate.status;

import io.jenkins.plugins.releasegate.config.ProductConfig;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jvnet.hudson.test.JenkinsRule;
import org.releasegate.hold.Hold;

/** What the status tests share: products, the hold requests a browser or a script sends, and the ledger's holds. */
final class Gate {
    private Gate() {
    }

    /** {@code checkout} released by {@code jobs}, with the default window (Mon-Thu 08:00-16:00 New York). */
    static ProductConfig product(String name, String jobs) {
        ProductConfig p = new ProductConfig(name);
        p.setJobs(jobs);
        return p;
    }

    static void configure(ProductConfig... products) {
        ReleaseGateConfiguration.get().setProducts(List.of(products));
    }

    /** A POST with a crumb, as the page's forms and REST callers send it; failures are returned, not thrown. */
    static WebResponse post(JenkinsRule.WebClient wc, String path) throws IOException {
        wc.setThrowExceptionOnFailingStatusCode(false);
        Page page = wc.getPage(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST));
        return page.getWebResponse();
    }

    static WebResponse hold(JenkinsRule.WebClient wc, String product, String reason) throws IOException {
        return post(wc, "release-gate/hold?product=" + enc(product) + "&reason=" + enc(reason));
    }

    static WebResponse holdFor(JenkinsRule.WebClient wc, String product, String reason, String expires)
            throws IOException {
        return post(wc, "release-gate/hold?product=" + enc(product) + "&reason=" + enc(reason) + "&expires="
                + enc(expires));
    }

    static WebResponse holdEveryProduct(JenkinsRule.WebClient wc, String reason) throws IOException {
        return post(wc, "release-gate/hold?allProducts=true&reason=" + enc(reason));
    }

    static WebResponse lift(JenkinsRule.WebClient wc, String id) throws IOException {
        return post(wc, "release-gate/lift?id=" + enc(id));
    }

    static List<Hold> holds() {
        return LedgerStore.get().read(ledger -> ledger.holds());
    }

    static Hold onlyHold() {
        List<Hold> holds = holds();
        if (holds.size() != 1) {
            throw new AssertionError("expected one hold, found " + holds);
        }
        return holds.get(0);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
