package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.people.Person;
import org.releasegate.people.ReleaseManager;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.BuildResult;
import org.releasegate.rc.RcEvent;
import org.releasegate.rc.RcState;
import org.releasegate.rc.ReleaseCandidate;
import org.releasegate.urgency.Urgency;
import org.releasegate.urgency.UrgencyCategory;

/**
 * One job's build history, exactly as Jenkins' REST API returns it for {@link #QUERY} (docs/rest-api.md), read into
 * the engine's build records, newest first as Jenkins lists them.
 *
 * <p>The RC mark on a build is the action that has both {@code product} and {@code state}: the action's class name is
 * not looked at, and every other action ({@code {}}, {@code {"_class": "hudson.model.CauseAction"}}) is skipped. Keys
 * the query does not ask for are ignored, so a newer plugin may export more. Anything else that is not as the plugin
 * exports it is refused with one line naming the file and the JSON path.
 */
final class HistoryFile {
    /** The REST query, after {@code /job/FOLDER/job/NAME/api/json?}, whose answer this reads. */
    static final String QUERY = "tree=fullName,allBuilds[number,timestamp,building,result,actions[product,state,"
            + "startedAt,releaseManager[id,displayName,source],changeAuthors[id,displayName],urgency[category,reason],"
            + "closure[by[id,displayName],at,reason,nextSteps,closedFor],history[at,from,to,by[id,displayName],note]]]"
            + "{0,500}";

    private static final String HINT = "fetch the job's history with the query in docs/cli.md";
    private static final int SHOWN = 60;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String name;
    private final String job;
    private final List<BuildRecord> builds;

    private HistoryFile(String name, String job, List<BuildRecord> builds) {
        this.name = name;
        this.job = job;
        this.builds = List.copyOf(builds);
    }

    /** @throws InvalidHistoryException when the file cannot be read, is not JSON, or is not a job's history */
    static HistoryFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidHistoryException("Cannot read the history file " + file + ": there is no such file", e);
        } catch (AccessDeniedException e) {
            throw new InvalidHistoryException("Cannot read the history file " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidHistoryException("Cannot read the history file " + file + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /** @param name how errors name the file */
    static HistoryFile parse(String name, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : at.getLineNr() + ":" + at.getColumnNr() + ":";
            throw new InvalidHistoryException(name + ":" + where + " not JSON: " + jacksonWords(e.getOriginalMessage()),
                    e);
        } catch (IOException e) {
            throw new InvalidHistoryException(name + ": not JSON: " + oneLine(e.getMessage()), e);
        }
        return new Reader(name).history(root);
    }

    /** How errors name the file. */
    String name() {
        return name;
    }

    /** The job's full name, such as {@code checkout/release-candidate}. */
    String job() {
        return job;
    }

    /** Every build in the file, newest first. */
    List<BuildRecord> builds() {
        return builds;
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

    /** One pass over the tree, naming each value by its JSON path when it is not what the plugin exports. */
    private static final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        HistoryFile history(JsonNode root) {
            if (root == null || root.isMissingNode()) {
                throw bad("", "the file is empty: " + HINT);
            }
            if (!root.isObject()) {
                throw bad("", "expected a job's build history (an object with fullName and allBuilds), found "
                        + describe(root) + ": " + HINT);
            }
            String job = text(root, "fullName", "");
            if (job.isBlank()) {
                throw bad("fullName", "expected the job's full name, such as \"checkout/release-candidate\", found \"\"");
            }
            JsonNode all = present(root, "allBuilds", "");
            List<JsonNode> items = list(all, "allBuilds");
            List<BuildRecord> builds = new ArrayList<>(items.size());
            long newer = Long.MAX_VALUE;
            for (int i = 0; i < items.size(); i++) {
                BuildRecord b = build(job, items.get(i), "allBuilds[" + i + "]");
                if (b.build().number() >= newer) {
                    throw bad("allBuilds[" + i + "].number", "build " + b.build().number() + " comes after build "
                            + newer + ": the builds must be newest first, as Jenkins lists them");
                }
                newer = b.build().number();
                builds.add(b);
            }
            return new HistoryFile(name, job, builds);
        }

        private BuildRecord build(String job, JsonNode node, String path) {
            object(node, path);
            int number = wholeNumber(present(node, "number", path), key(path, "number"));
            BuildRef ref = attempt(key(path, "number"), () -> new BuildRef(job, number));
            long timestamp = longNumber(present(node, "timestamp", path), key(path, "timestamp"));
            boolean building = bool(present(node, "building", path), key(path, "building"));
            JsonNode resultNode = present(node, "result", path);
            Optional<BuildResult> result = resultNode.isNull() ? Optional.empty()
                    : Optional.of(constant(BuildResult.class, resultNode, key(path, "result")));
            String actionsPath = key(path, "actions");
            List<JsonNode> actions = list(present(node, "actions", path), actionsPath);
            Optional<ReleaseCandidate> rc = Optional.empty();
            String markPath = null;
            for (int i = 0; i < actions.size(); i++) {
                JsonNode action = actions.get(i);
                String actionPath = actionsPath + "[" + i + "]";
                if (!isMark(action)) {
                    continue;
                }
                if (rc.isPresent()) {
                    throw bad(actionPath, "a second release candidate mark on one build (the first is " + markPath
                            + "): the plugin puts one on a build");
                }
                rc = Optional.of(mark(ref, action, actionPath));
                markPath = actionPath;
            }
            return new BuildRecord(ref, Instant.ofEpochMilli(timestamp), building, result, rc);
        }

        /** The plugin's mark has both keys; no other action Jenkins exports has them. */
        private static boolean isMark(JsonNode action) {
            return action != null && action.isObject() && has(action, "product") && has(action, "state");
        }

        private ReleaseCandidate mark(BuildRef build, JsonNode node, String path) {
            String product = text(node, "product", path);
            if (product.isBlank()) {
                throw bad(key(path, "product"), "expected the product's name, found \"\"");
            }
            RcState state = constant(RcState.class, node.get("state"), key(path, "state"));
            Instant startedAt = instant(present(node, "startedAt", path), key(path, "startedAt"));
            ReleaseManager manager = releaseManager(present(node, "releaseManager", path), key(path, "releaseManager"));
            List<Person> authors = new ArrayList<>();
            List<JsonNode> authorNodes = optionalList(node.get("changeAuthors"), key(path, "changeAuthors"));
            for (int i = 0; i < authorNodes.size(); i++) {
                authors.add(person(authorNodes.get(i), key(path, "changeAuthors") + "[" + i + "]"));
            }
            Optional<Urgency> urgency = absent(node.get("urgency")) ? Optional.empty()
                    : Optional.of(urgency(node.get("urgency"), key(path, "urgency")));
            Optional<ReleaseCandidate.Closure> closure = absent(node.get("closure")) ? Optional.empty()
                    : Optional.of(closure(node.get("closure"), key(path, "closure")));
            List<RcEvent> history = new ArrayList<>();
            List<JsonNode> events = optionalList(node.get("history"), key(path, "history"));
            for (int i = 0; i < events.size(); i++) {
                history.add(event(events.get(i), key(path, "history") + "[" + i + "]"));
            }
            return ReleaseCandidate.restore(build, product, manager, authors, urgency, startedAt, state, history,
                    closure);
        }

        private ReleaseManager releaseManager(JsonNode node, String path) {
            object(node, path);
            ReleaseManager.Source source = constant(ReleaseManager.Source.class, present(node, "source", path),
                    key(path, "source"));
            boolean nobody = absent(node.get("id")) && absent(node.get("displayName"));
            if (source == ReleaseManager.Source.UNASSIGNED && nobody) {
                return ReleaseManager.unassigned();
            }
            if (nobody) {
                throw bad(path, "a release manager from " + source + " needs an id or a displayName");
            }
            Person person = person(node, path);
            return attempt(path, () -> ReleaseManager.of(person, source));
        }

        /** {id, displayName}: a Jenkins user, or a commit author known only by name (id null). */
        private Person person(JsonNode node, String path) {
            object(node, path);
            String id = optionalText(node, "id", path).orElse(null);
            String displayName = optionalText(node, "displayName", path).orElse(null);
            return attempt(path, () -> new Person(id, displayName));
        }

        private Optional<Person> optionalPerson(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            return absent(node) ? Optional.empty() : Optional.of(person(node, key(path, key)));
        }

        private Urgency urgency(JsonNode node, String path) {
            object(node, path);
            UrgencyCategory category = constant(UrgencyCategory.class, present(node, "category", path),
                    key(path, "category"));
            String reason = optionalText(node, "reason", path).orElse(null);
            return attempt(path, () -> new Urgency(category, reason));
        }

        private ReleaseCandidate.Closure closure(JsonNode node, String path) {
            object(node, path);
            Optional<Person> by = optionalPerson(node, "by", path);
            Instant at = instant(present(node, "at", path), key(path, "at"));
            String reason = text(node, "reason", path);
            Optional<String> nextSteps = optionalText(node, "nextSteps", path);
            Optional<String> closedForText = optionalText(node, "closedFor", path);
            Optional<BuildRef> closedFor = closedForText.isEmpty() ? Optional.empty()
                    : Optional.of(attempt(key(path, "closedFor"), () -> BuildRef.parse(closedForText.get())));
            return new ReleaseCandidate.Closure(by, at, reason, nextSteps, closedFor);
        }

        private RcEvent event(JsonNode node, String path) {
            object(node, path);
            Instant at = instant(present(node, "at", path), key(path, "at"));
            RcState from = constant(RcState.class, present(node, "from", path), key(path, "from"));
            RcState to = constant(RcState.class, present(node, "to", path), key(path, "to"));
            Optional<Person> by = optionalPerson(node, "by", path);
            String note = text(node, "note", path);
            return new RcEvent(at, from, to, by, note);
        }

        // Values, each checked against what the plugin exports.

        private static boolean has(JsonNode parent, String key) {
            return !absent(parent.get(key));
        }

        private static boolean absent(JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode();
        }

        /** The value, which may be null but must be there: the query asks for it. */
        private JsonNode present(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            if (node == null) {
                throw bad(key(path, key), "missing: " + HINT);
            }
            return node;
        }

        private void object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw bad(path, "expected an object, found " + describe(node));
            }
        }

        private List<JsonNode> list(JsonNode node, String path) {
            if (!node.isArray()) {
                throw bad(path, "expected a list, found " + describe(node));
            }
            List<JsonNode> items = new ArrayList<>(node.size());
            node.forEach(items::add);
            return items;
        }

        /** A list the plugin may leave out or export as null: none. */
        private List<JsonNode> optionalList(JsonNode node, String path) {
            return absent(node) ? List.of() : list(node, path);
        }

        private String text(JsonNode parent, String key, String path) {
            JsonNode node = present(parent, key, path);
            if (!node.isTextual()) {
                throw bad(key(path, key), "expected a string, found " + describe(node));
            }
            return node.textValue();
        }

        private Optional<String> optionalText(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            if (absent(node)) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                throw bad(key(path, key), "expected a string or null, found " + describe(node));
            }
            return Optional.of(node.textValue());
        }

        private int wholeNumber(JsonNode node, String path) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw bad(path, "expected a build number, found " + describe(node));
            }
            return node.intValue();
        }

        private long longNumber(JsonNode node, String path) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw bad(path, "expected milliseconds since 1970-01-01T00:00:00Z, found " + describe(node));
            }
            return node.longValue();
        }

        private boolean bool(JsonNode node, String path) {
            if (!node.isBoolean()) {
                throw bad(path, "expected true or false, found " + describe(node));
            }
            return node.booleanValue();
        }

        private Instant instant(JsonNode node, String path) {
            if (node.isTextual()) {
                try {
                    return Instant.parse(node.textValue());
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            throw bad(path, "expected an ISO-8601 instant such as \"2026-11-26T15:00:00Z\", found " + describe(node));
        }

        /** Exactly a constant's name, as the plugin exports it. */
        private <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String path) {
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

        /** Runs a step of the engine that may refuse its input; the refusal, placed at {@code path}. */
        private <T> T attempt(String path, Supplier<T> step) {
            try {
                return step.get();
            } catch (IllegalArgumentException e) {
                throw bad(path, e.getMessage());
            }
        }

        private InvalidHistoryException bad(String path, String message) {
            return new InvalidHistoryException(name + ": " + (path.isEmpty() ? "" : path + ": ") + message);
        }

        private static String key(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private static String describe(JsonNode node) {
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
    }
}
