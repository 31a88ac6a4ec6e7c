package io.jenkins.plugins.releasegate.step;

import io.jenkins.plugins.releasegate.Messages;
import java.util.Objects;
import jenkins.model.CauseOfInterruption;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Why the gate ended the build, as the build page shows it (the console has the whole message). */
@Restricted(NoExternalUse.class)
public final class GateBlockedCause extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    private final String product;
    /** The decision's headline; builds saved before {@link #summary} existed hold a headline with one reason here. */
    private final String headline;
    /** The headline, then every reason (core's {@code ConsoleMessage.summary}); null in builds saved before it. */
    private final String summary;

    GateBlockedCause(String product, String headline, String summary) {
        this.product = product;
        this.headline = headline;
        this.summary = summary;
    }

    public String getProduct() {
        return product;
    }

    /** "Release Gate: production release of checkout is BLOCKED. What blocks it: outside the production window ...". */
    @Override
    public String getShortDescription() {
        return summary != null ? summary : Messages.GateBlockedCause_ShortDescription(headline);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateBlockedCause c && product.equals(c.product) && headline.equals(c.headline)
                && Objects.equals(summary, c.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(product, headline, summary);
    }
}
