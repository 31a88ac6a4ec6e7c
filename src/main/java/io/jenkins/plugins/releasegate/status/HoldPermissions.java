package io.jenkins.plugins.releasegate.status;

import hudson.model.Item;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.releasegate.CurrentUser;
import io.jenkins.plugins.releasegate.ReleaseGatePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import org.releasegate.policy.ProductPolicy;

/**
 * What the current user may do with holds, worked out once per request. A team member holds a product by being able
 * to build one of its jobs; the Hold permission (on Jenkins, or on a bound job through a folder) manages anyone's
 * holds on the product; holding every product needs Hold on Jenkins. Core enforces the same rules with the booleans
 * given here, and words the refusals.
 *
 * <p>The product's jobs are found as SYSTEM, and the caller's own rights are then tested on each: Job/Read is not
 * needed to manage holds (Jenkins.allItems lists only the jobs the caller may read, which would hide Hold granted to
 * release leads without it). docs/admin-guide.md says so.
 */
@Restricted(NoExternalUse.class)
final class HoldPermissions {
    private final Person person;
    private final boolean holdEverywhere;
    private final List<ProductPolicy> products;
    /** Found on first use: the JSON API asks for none of this, and walking every job costs on a large controller. */
    private Map<String, List<Job<?, ?>>> boundJobs;

    private HoldPermissions(Person person, boolean holdEverywhere, Collection<ProductPolicy> products) {
        this.person = person;
        this.holdEverywhere = holdEverywhere;
        this.products = List.copyOf(products);
    }

    /** For the user of the current request; only the jobs they can see count. Use it within that request. */
    static HoldPermissions ofCurrentUser(Collection<ProductPolicy> products) {
        return new HoldPermissions(CurrentUser.person(), Jenkins.get().hasPermission(ReleaseGatePermissions.HOLD),
                products);
    }

    Person person() {
        return person;
    }

    /** Anyone who may build one of the product's jobs, or manage its holds. */
    boolean mayHold(String product) {
        return mayManageHolds(product) || jobsOf(product).stream().anyMatch(j -> j.hasPermission(Item.BUILD));
    }

    /** Lift anyone's hold on the product. */
    boolean mayManageHolds(String product) {
        return holdEverywhere || jobsOf(product).stream().anyMatch(j -> j.hasPermission(ReleaseGatePermissions.HOLD));
    }

    boolean mayHoldEveryProduct() {
        return holdEverywhere;
    }

    /** The hold's author may lift it, and so may whoever manages holds where it applies. */
    boolean mayLift(Hold hold) {
        return hold.author().isSame(person) || mayManage(hold);
    }

    /** The right to manage holds that counts for this hold: on its product, or on Jenkins for one on every product. */
    boolean mayManage(Hold hold) {
        return hold.product().map(this::mayManageHolds).orElse(holdEverywhere);
    }

    /** The full names of the product's jobs this user may read, for the refusal message. */
    List<String> jobNames(String product) {
        return jobsOf(product).stream().filter(j -> j.hasPermission(Item.READ)).map(Job::getFullName).toList();
    }

    private List<Job<?, ?>> jobsOf(String product) {
        if (boundJobs == null) {
            boundJobs = boundJobs(products);
        }
        return boundJobs.getOrDefault(product, List.of());
    }

    private static Map<String, List<Job<?, ?>>> boundJobs(List<ProductPolicy> products) {
        Map<String, List<Job<?, ?>>> bound = new LinkedHashMap<>();
        products.forEach(p -> bound.put(p.getName(), new ArrayList<>()));
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) { // every bound job; the caller's rights are tested after
            for (Job<?, ?> job : Jenkins.get().allItems(Job.class)) {
                for (ProductPolicy p : products) {
                    if (p.isBoundTo(job.getFullName())) {
                        bound.get(p.getName()).add(job);
                    }
                }
            }
        }
        return bound;
    }
}
