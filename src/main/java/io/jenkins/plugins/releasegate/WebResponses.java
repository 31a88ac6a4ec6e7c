package io.jenkins.plugins.releasegate;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import net.sf.json.JSONObject;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The answers of Release Gate's web methods, for a browser's forms and for REST callers alike. A caller that sends
 * {@code Accept: application/json} gets JSON, errors included ({@code {"status": 409, "message": "..."}}); a browser
 * gets Jenkins' error page or is sent back to the page it came from. Statuses: 400 bad input, 403 not allowed, 404 not
 * something the gate knows (a product, an RC, a hold), 409 a state conflict (already done, the build ended).
 */
@Restricted(NoExternalUse.class)
public final class WebResponses {
    private WebResponses() {
    }

    public static HttpResponse error(int status, String message) {
        return new Answer(status, message, null, null);
    }

    /**
     * Done: JSON callers get {@code 200} with {@code body}; browsers are redirected to {@code page}.
     *
     * @param page relative to the URL of the web method ({@code .} or {@code ../})
     */
    public static HttpResponse done(JSONObject body, String page) {
        return new Answer(200, null, body, page);
    }

    static boolean wantsJson(StaplerRequest2 req) {
        String accept = req == null ? null : req.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }

    private static final class Answer implements HttpResponse {
        private final int status;
        private final String message;
        private final JSONObject body;
        private final String page;

        Answer(int status, String message, JSONObject body, String page) {
            this.status = status;
            this.message = message;
            this.body = body;
            this.page = page;
        }

        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
                throws IOException, ServletException {
            if (wantsJson(req)) {
                JSONObject json = body != null ? body : new JSONObject().element("status", status)
                        .element("message", message);
                rsp.setStatus(status);
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.getWriter().print(json.toString());
            } else if (body == null) {
                HttpResponses.errorWithoutStack(status, message).generateResponse(req, rsp, node);
            } else {
                HttpResponses.redirectTo(page).generateResponse(req, rsp, node);
            }
        }
    }
}
