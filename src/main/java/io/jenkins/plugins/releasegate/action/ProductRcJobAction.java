package io.jenkins.plugins.releasegate.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.releasegate.GateClock;
import io.jenkins.plugins.releasegate.config.ReleaseGateConfiguration;
import io.jenkins.plugins.releasegate.ledger.LedgerStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.message.Times;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.ReleaseCandidate;

/** On the page of a job bound to products: each product's RC in flight, its release manager and age. */
@Restricted(NoExternalUse.class)
public final class ProductRcJobAction implements Action {
    private final List<String> products;

    ProductRcJobAction(List<String> products) {
        this.products = List.copyOf(products);
    }

    /** One line of the job page (a bean, not a record: Jelly reads getters). */
    public static final class InFlight {
        private final String product;
        private final String build;
        private final String url;
        private final String state;
        private final String releaseManager;
        private final String age;

        InFlight(String product, String build, String url, String state, String releaseManager, String age) {
            this.product = product;
            this.build = build;
            this.url = url;
            this.state = state;
            this.releaseManager = releaseManager;
            this.age = age;
        }

        public String getProduct() {
            return product;
        }

        public String getBuild() {
            return build;
        }

        public String getUrl() {
            return url;
        }

        public String getState() {
            return state;
        }

        public String getReleaseManager() {
            return releaseManager;
        }

        public String getAge() {
            return age;
        }
    }

    public List<InFlight> getCandidates() {
        List<InFlight> out = new ArrayList<>();
        for (String product : products) {
            for (ReleaseCandidate rc : LedgerStore.get().read(l -> l.snapshot(product)).open()) {
                Run<?, ?> run = Builds.findVisible(rc.getBuild());
                if (run == null) {
                    continue; // gone, or another job's RC the viewer may not read (Discover alone included)
                }
                out.add(new InFlight(product, rc.getBuild().toString(), run.getUrl(),
                        rc.getState().name(), rc.getReleaseManager().displayName(),
                        Times.age(Duration.between(rc.getStartedAt(), GateClock.now()))));
            }
        }
        return out;
    }

    @Override
    @CheckForNull
    public String getIconFileName() {
        return null;
    }

    @Override
    @CheckForNull
    public String getDisplayName() {
        return null;
    }

    @Override
    @CheckForNull
    public String getUrlName() {
        return null;
    }

    @Extension
    @Restricted(NoExternalUse.class)
    @SuppressWarnings("rawtypes")
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Class<? extends Action> actionType() {
            return ProductRcJobAction.class;
        }

        @NonNull
        @Override
        public Collection<? extends Action> createFor(@NonNull Job target) {
            List<String> products = ReleaseGateConfiguration.get().productsOf(target.getFullName()).stream()
                    .map(ProductPolicy::getName).toList();
            return products.isEmpty() ? List.of() : List.of(new ProductRcJobAction(products));
        }
    }
}
