package org.releasegate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of snakeyaml nodes and records a {@link Problem}, with the node's line and column, for each
 * value that is not what the policy expects. Reading goes on after a problem, so a file's problems come out together.
 * An absent key and a key with no value ({@code slackChannel:}) read alike: not set, as Configuration-as-Code reads them.
 */
final class NodeReader {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    NodeReader(String file) {
        this.file = file;
    }

    List<Problem> problems() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.ORDER);
        return sorted;
    }

    int problemCount() {
        return problems.size();
    }

    void problem(Node at, String path, String message) {
        problem(at.getStartMark(), path, message);
    }

    void problem(Mark at, String path, String message) {
        problems.add(new Problem(file, at.getLine() + 1, at.getColumn() + 1, path, message));
    }

    /** A problem with the file as a whole, placed on its first line. */
    void problem(String message) {
        problems.add(new Problem(file, 1, 1, "", message));
    }

    static boolean isAbsent(Node node) {
        return node == null || Tag.NULL.equals(node.getTag());
    }

    /**
     * The keys of a mapping and their values, in file order.
     *
     * @param known the keys allowed, or null to allow (and ignore) any, as above {@code releaseGate}
     */
    Optional<Map<String, Node>> mapping(Node node, String path, List<String> known) {
        if (isAbsent(node)) {
            return Optional.of(Map.of());
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, path, "expected a mapping of settings (key: value), found " + describe(node));
            return Optional.empty();
        }
        Map<String, Node> values = new LinkedHashMap<>();
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), path, "expected a setting name as the key, found " + describe(tuple.getKeyNode()));
                continue;
            }
            String key = keyNode.getValue();
            if (known != null && !known.contains(key)) {
                problem(keyNode, path, "unknown key '" + key + "'; known keys: " + String.join(", ", known));
            } else if (keys.containsKey(key)) {
                problem(keyNode, path, "duplicate key '" + key + "': it is already set on line "
                        + (keys.get(key).getStartMark().getLine() + 1));
            } else {
                keys.put(key, keyNode);
                values.put(key, tuple.getValueNode());
            }
        }
        return Optional.of(values);
    }

    /** The items of a list; none when absent or not a list. */
    List<Node> sequence(Node node, String path) {
        if (isAbsent(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, path, "expected a list (one '- ' item a line), found " + describe(node));
            return List.of();
        }
        return sequence.getValue();
    }

    Optional<String> string(Node node, String path) {
        if (isAbsent(node)) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, path, "expected a string, found " + describe(node));
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    Optional<Boolean> bool(Node node, String path) {
        return string(node, path).flatMap(text -> {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Optional.of(t.equals("true"));
            }
            problem(node, path, "expected true or false, found \"" + text + "\"");
            return Optional.empty();
        });
    }

    /** A string read by the engine's own parser, whose message becomes the problem when it refuses the text. */
    <T> Optional<T> value(Node node, String path, Function<String, T> parser) {
        return string(node, path).flatMap(text -> attempt(node, path, () -> parser.apply(text)));
    }

    /** Runs a step of the engine that may refuse its input; the refusal becomes a problem at {@code at}. */
    <T> Optional<T> attempt(Node at, String path, Supplier<T> step) {
        try {
            return Optional.of(step.get());
        } catch (IllegalArgumentException e) {
            problem(at, path, e.getMessage());
            return Optional.empty();
        }
    }

    private static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return node instanceof ScalarNode scalar ? "\"" + scalar.getValue() + "\"" : "a " + node.getNodeId();
    }
}
