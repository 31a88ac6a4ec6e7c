package org.releasegate.cli;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.releasegate.urgency.ExceptionReach;
import org.releasegate.urgency.Lift;
import org.releasegate.urgency.UrgencyCategory;
import org.releasegate.policy.BlockedResult;
import org.releasegate.policy.Enums;
import org.releasegate.policy.JobPattern;
import org.releasegate.policy.MaxAge;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.policy.ReleasePolicy;
import org.releasegate.policy.UnstableRc;
import org.releasegate.schedule.Freeze;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WindowSpec;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code unclassified: releaseGate:} block of a Configuration-as-Code file into a {@link ReleasePolicy}, with
 * the keys and types the plugin's configuration has. The engine reads each value (windows, freezes, zones, ages), so a
 * value means here what it means in Jenkins; this class only knows where each one is.
 */
final class PolicyReader {
    private static final List<String> POLICY_KEYS = List.of("timeZone", "products");
    private static final List<String> PRODUCT_KEYS = List.of("name", "jobs", "timeZone", "productionWindows", "freezes",
            "slackChannel", "rcMaxAge", "defaultReleaseManager", "unstableRc", "blockedResult", "releasesWithoutRc",
            "exceptions", "runway");
    private static final List<String> EXCEPTION_KEYS = List.of("category", "lifts");

    private final NodeReader nodes;

    PolicyReader(String file) {
        this.nodes = new NodeReader(file);
    }

    /** Every problem found, in file order. */
    List<Problem> problems() {
        return nodes.problems();
    }

    /** The policy, or empty when the file has problems. */
    Optional<ReleasePolicy> read(String yaml) {
        Node root;
        try {
            root = new Yaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = "invalid YAML: " + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem();
            if (at == null) {
                nodes.problem(message);
            } else {
                nodes.problem(at, "", message);
            }
            return Optional.empty();
        } catch (YAMLException e) { // a limit snakeyaml enforces, such as too many aliases: no position to give
            nodes.problem("invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            nodes.problem("the file is empty: write the policy under unclassified: releaseGate:");
            return Optional.empty();
        }
        // Everything outside unclassified: releaseGate: belongs to other parts of Jenkins.
        Optional<Node> block = nodes.mapping(root, "", null)
                .flatMap(top -> child(top, "unclassified", root))
                .flatMap(unclassified -> nodes.mapping(unclassified, "unclassified", null)
                        .flatMap(u -> child(u, "releaseGate", unclassified)));
        if (block.isEmpty()) {
            return Optional.empty();
        }
        int before = nodes.problemCount();
        Optional<ReleasePolicy> policy = policy(block.get());
        return nodes.problemCount() > before ? Optional.empty() : policy;
    }

    private Optional<Node> child(Map<String, Node> mapping, String key, Node parent) {
        Node child = mapping.get(key);
        if (child == null) {
            nodes.problem(parent, "", "no '" + key + "' key here: Release Gate's policy sits under "
                    + "unclassified: releaseGate: in a Configuration-as-Code file");
        }
        return Optional.ofNullable(child);
    }

    private Optional<ReleasePolicy> policy(Node node) {
        Optional<Map<String, Node>> settings = nodes.mapping(node, "", POLICY_KEYS);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> s = settings.get();
        // A zone that cannot be read is reported; the default stands in so windows are still checked.
        ZoneId zone = nodes.value(s.get("timeZone"), "timeZone", TimeZones::parse).orElse(TimeZones.DEFAULT);
        List<ProductPolicy> products = new ArrayList<>();
        Map<String, Node> names = new HashMap<>();
        List<Node> items = nodes.sequence(s.get("products"), "products");
        for (int i = 0; i < items.size(); i++) {
            product(items.get(i), "products[" + i + "]", zone, names).ifPresent(products::add);
        }
        return nodes.attempt(node, "", () -> new ReleasePolicy(zone, products));
    }

    /**
     * @param policyZone the policy's zone, which the product takes unless it sets its own
     * @param names the product names met so far and where, to report a second entry even when the first is broken
     */
    private Optional<ProductPolicy> product(Node node, String path, ZoneId policyZone, Map<String, Node> names) {
        Optional<Map<String, Node>> settings = nodes.mapping(node, path, PRODUCT_KEYS);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Node> s = settings.get();
        int before = nodes.problemCount();
        Node nameNode = s.get("name");
        Optional<String> name = nodes.string(nameNode, key(path, "name"));
        name.filter(n -> !n.isBlank()).ifPresent(n -> {
            Node first = names.putIfAbsent(n.trim(), nameNode);
            if (first != null) {
                nodes.problem(nameNode, key(path, "name"), "product \"" + n.trim() + "\" is defined twice (first on line "
                        + (first.getStartMark().getLine() + 1) + "): give each product one entry");
            }
        });
        // Without a usable name the builder still collects the other settings, so their problems are found too.
        // The product's own zone, or the policy's; one that cannot be read is reported and the policy's stands in.
        ZoneId zone = nodes.value(s.get("timeZone"), key(path, "timeZone"), text -> TimeZones.parseOr(text, policyZone))
                .orElse(policyZone);
        ProductPolicy.Builder b = nodes.attempt(NodeReader.isAbsent(nameNode) ? node : nameNode, key(path, "name"),
                        () -> ProductPolicy.builder(name.orElse(null)))
                .orElseGet(() -> ProductPolicy.builder("unnamed"))
                .zone(zone);
        nodes.value(s.get("jobs"), key(path, "jobs"), JobPattern::parseAll).ifPresent(b::jobs);
        nodes.value(s.get("productionWindows"), key(path, "productionWindows"), text -> WindowSpec.parse(text, zone))
                .ifPresent(b::windows);
        freezes(s.get("freezes"), key(path, "freezes")).ifPresent(b::freezes);
        nodes.string(s.get("slackChannel"), key(path, "slackChannel")).ifPresent(b::slackChannel);
        nodes.value(s.get("rcMaxAge"), key(path, "rcMaxAge"), MaxAge::parse).ifPresent(b::rcMaxAge);
        nodes.string(s.get("defaultReleaseManager"), key(path, "defaultReleaseManager"))
                .ifPresent(b::defaultReleaseManager);
        nodes.value(s.get("unstableRc"), key(path, "unstableRc"),
                text -> Enums.parse(UnstableRc.class, "unstableRc", text)).ifPresent(b::unstableRc);
        nodes.value(s.get("blockedResult"), key(path, "blockedResult"),
                text -> Enums.parse(BlockedResult.class, "blockedResult", text)).ifPresent(b::blockedResult);
        nodes.bool(s.get("releasesWithoutRc"), key(path, "releasesWithoutRc")).ifPresent(b::releasesWithoutRc);
        exceptions(s.get("exceptions"), key(path, "exceptions")).ifPresent(b::exceptionReach);
        nodes.value(s.get("runway"), key(path, "runway"), Runway::parse).ifPresent(b::runway);
        if (nodes.problemCount() > before) {
            return Optional.empty();
        }
        return nodes.attempt(node, path, b::build);
    }

    private Optional<List<Freeze>> freezes(Node node, String path) {
        if (NodeReader.isAbsent(node)) {
            return Optional.empty();
        }
        List<Freeze> freezes = new ArrayList<>();
        List<Node> items = nodes.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            nodes.value(items.get(i), path + "[" + i + "]", Freeze::parse).ifPresent(freezes::add);
        }
        return Optional.of(freezes);
    }

    /** The defaults, with each category listed replaced by what it lifts. */
    private Optional<ExceptionReach> exceptions(Node node, String path) {
        if (NodeReader.isAbsent(node)) {
            return Optional.empty();
        }
        ExceptionReach reach = ExceptionReach.defaults();
        List<Node> items = nodes.sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Optional<Map<String, Node>> settings = nodes.mapping(items.get(i), itemPath, EXCEPTION_KEYS);
            if (settings.isEmpty()) {
                continue;
            }
            Node categoryNode = settings.get().get("category");
            if (NodeReader.isAbsent(categoryNode)) {
                nodes.problem(items.get(i), itemPath, "an exception needs a category: one of " + UrgencyCategory.names());
                continue;
            }
            Optional<UrgencyCategory> category = nodes.value(categoryNode, key(itemPath, "category"),
                    UrgencyCategory::parse);
            // No lifts: the category lifts nothing under this product.
            Set<Lift> lifts = nodes.value(settings.get().get("lifts"), key(itemPath, "lifts"), Lift::parseAll)
                    .orElse(Set.of());
            if (category.isPresent()) {
                reach = reach.with(category.get(), lifts);
            }
        }
        return Optional.of(reach);
    }

    private static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
