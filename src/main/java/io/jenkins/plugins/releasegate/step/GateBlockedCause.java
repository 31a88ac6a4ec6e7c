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
    private final String headline;

    GateBlockedCause(String product, String headline) {
        this.product = product;
        this.headline = headline;
    }

    public String getProduct() {
        return product;
    }

    @Override
    public String getShortDescription() {
        return Messages.GateBlockedCause_ShortDescription(headline);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateBlockedCause c && product.equals(c.product) && headline.equals(c.headline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(product, headline);
    }
}
