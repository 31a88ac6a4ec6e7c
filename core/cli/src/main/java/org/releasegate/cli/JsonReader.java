package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads typed values out of a Jackson tree and refuses, with one line naming the file and the JSON path
 * ({@code allBuilds[2].actions[2].state}), the first value that is not what was asked for. The JSON twin of
 * {@link NodeReader}; unlike it, reading stops at the first problem, since a history is written by Jenkins, not by hand.
 */
final class JsonReader {
    private static final int SHOWN = 60;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String name;
    private final String hint;

    /**
     * @param name how errors name the file
     * @param hint what to do about a missing value, such as how to fetch the file again
     */
    JsonReader(String name, String hint) {
        this.name = name;
        this.hint = hint;
    }

    /** One JSON value, strictly: no duplicate keys, nothing after it. */
    JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ":";
            throw new InvalidHistoryException(name + ":" + where + " not JSON: " + jacksonWords(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new InvalidHistoryException(name + ": not JSON: " + oneLine(e.getMessage()), e);
        }
    }

    static boolean has(JsonNode parent, String key) {
        return !absent(parent.get(key));
    }

    /** Not there, or null. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** The value, which may be null but must be there. */
    JsonNode present(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null) {
            throw bad(key(path, key), "missing: " + hint);
        }
        return node;
    }

    void object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw bad(path, "expected an object, found " + describe(node));
        }
    }

    List<JsonNode> list(JsonNode node, String path) {
        if (!node.isArray()) {
            throw bad(path, "expected a list, found " + describe(node));
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.forEach(items::add);
        return items;
    }

    /** A list that may be left out or null: none. */
    List<JsonNode> optionalList(JsonNode node, String path) {
        return absent(node) ? List.of() : list(node, path);
    }

    String text(JsonNode parent, String key, String path) {
        JsonNode node = present(parent, key, path);
        if (!node.isTextual()) {
            throw bad(key(path, key), "expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    /** A string, or empty when left out or null. */
    Optional<String> optionalText(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw bad(key(path, key), "expected a string or null, found " + describe(node));
        }
        return Optional.of(node.textValue());
    }

    /** A string that must be there, as the query asks for it, but may be null: empty then. */
    Optional<String> nullableText(JsonNode parent, String key, String path) {
        present(parent, key, path);
        return optionalText(parent, key, path);
    }

    int wholeNumber(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw bad(path, "expected a build number, found " + describe(node));
        }
        return node.intValue();
    }

    long longNumber(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad(path, "expected milliseconds since 1970-01-01T00:00:00Z, found " + describe(node));
        }
        return node.longValue();
    }

    boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw bad(path, "expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    Instant instant(JsonNode node, String path) {
        if (node.isTextual()) {
            try {
                return Instant.parse(node.textValue());
            } catch (DateTimeParseException e) {
                throw bad(path, expectedInstant(node));
            }
        }
        throw bad(path, expectedInstant(node));
    }

    private static String expectedInstant(JsonNode node) {
        return "expected an ISO-8601 instant such as \"2026-11-26T15:00:00Z\", found " + describe(node);
    }

    /** Exactly a constant's name, as Java writes it. */
    <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(node.textValue())) {
                    return e;
                }
            }
        }
        throw bad(path, (node != null && node.isTextual() ? "unknown value " : "expected a string, found ")
                + describe(node) + "; use one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** A constant's name that must be there but may be null: null then. */
    <E extends Enum<E>> E nullableConstant(Class<E> type, JsonNode parent, String key, String path) {
        JsonNode node = present(parent, key, path);
        return node.isNull() ? null : constant(type, node, key(path, key));
    }

    /** Runs a step of the engine that may refuse its input; the refusal, placed at {@code path}. */
    <T> T attempt(String path, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    InvalidHistoryException bad(String path, String message) {
        return new InvalidHistoryException(name + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    static String key(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        String json = node.toString();
        return json.length() <= SHOWN ? json : json.substring(0, SHOWN - 3) + "...";
    }

    /** Jackson's words, on one line, without its source placeholder or the name of its feature switches. */
    private static String jacksonWords(String text) {
        String words = oneLine(text);
        if (words.startsWith("Trailing token")) {
            return "more follows the end of the first JSON value: a file holds one job's history";
        }
        return words.replaceAll("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
