package org.releasegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.releasegate.decision.Warning;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.ledger.RebuildResult;
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
 * exports it is refused with one line naming the file and the JSON path. What the plugin may write as null (a release
 * manager's {@code source}, an event's {@code note}, a closure's {@code reason}, a person with neither id nor name) is
 * read as the plugin reads its own marks back ({@link Person#ofNullable}, {@link ReleaseManager#restore}).
 */
final class HistoryFile {
    /** The REST query, after {@code /job/FOLDER/job/NAME/api/json?}, whose answer this reads. */
    static final String QUERY = "tree=fullName,allBuilds[number,timestamp,building,result,actions[product,state,"
            + "startedAt,releaseManager[id,displayName,source],changeAuthors[id,displayName],urgency[category,reason],"
            + "closure[by[id,displayName],at,reason,nextSteps,closedFor],history[at,from,to,by[id,displayName],note]]]"
            + "{0,500}";

    /** How many builds {@link #QUERY} asks for: a file this long may have left older builds out. */
    static final int LIMIT = 500;

    private static final String HINT = "fetch the job's history with the query in docs/cli.md";

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
        JsonReader reader = new JsonReader(name, HINT);
        return new Reader(name, reader).history(reader.parse(json));
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

    /**
     * Builds without a single RC mark: the plugin is not installed on that controller, or this is not the job that
     * runs the product's RCs. Read as "no release candidates", it would let every RC through unwarned.
     */
    Optional<Warning> withoutMarks() {
        if (builds.isEmpty() || builds.stream().anyMatch(b -> b.rc().isPresent())) {
            return Optional.empty();
        }
        return Optional.of(new Warning(Warning.Code.HISTORY_WITHOUT_MARKS, name + ": " + builds.size()
                + (builds.size() == 1 ? " build" : " builds") + ", no release candidate mark: is " + job
                + " the job that runs " + "the product's release candidates, and is Release Gate installed on that "
                + "Jenkins?", Optional.empty(), Optional.empty()));
    }

    /**
     * Reading went through all of this file's {@link #LIMIT} builds, which do not reach back to the age bound, without
     * meeting a promoted RC: the job's older builds, left out of the file, may hold an RC still open.
     *
     * @param read what reading every file found
     * @param bound the age bound reading would have stopped at
     * @param zone the product's time zone, for the times quoted
     */
    Optional<Warning> cutShort(RebuildResult read, Instant bound, ZoneId zone) {
        if (builds.size() < LIMIT) {
            return Optional.empty();
        }
        BuildRecord oldest = builds.get(builds.size() - 1);
        boolean ranOut = read.stoppedBy() == RebuildResult.StopReason.END_OF_HISTORY
                || read.oldestRead().filter(stop -> oldest.startedAt().isAfter(stop)).isPresent();
        // A file reaching back past the bound left out only RCs that have expired: they hold nothing.
        if (!ranOut || oldest.startedAt().isBefore(bound)) {
            return Optional.empty();
        }
        return Optional.of(new Warning(Warning.Code.HISTORY_CUT_SHORT, name + ": all " + builds.size()
                + " builds were read, down to #" + oldest.build().number() + " of "
                + IsoTimes.format(oldest.startedAt(), zone) + ", without meeting a promoted release candidate or the "
                + "age bound (" + IsoTimes.format(bound, zone) + "): an older release candidate may still be open. "
                + "Fetch more builds: put {0,2000} in place of {0,500} in the query (docs/cli.md)", Optional.empty(),
                Optional.empty()));
    }

    /** One pass over the tree, naming each value by its JSON path when it is not what the plugin exports. */
    private static final class Reader {
        private final String name;
        private final JsonReader json;

        Reader(String name, JsonReader json) {
            this.name = name;
            this.json = json;
        }

        HistoryFile history(JsonNode root) {
            if (root == null || root.isMissingNode()) {
                throw json.bad("", "the file is empty: " + HINT);
            }
            if (!root.isObject()) {
                throw json.bad("", "expected a job's build history (an object with fullName and allBuilds), found "
                        + JsonReader.describe(root) + ": " + HINT);
            }
            String job = json.text(root, "fullName", "");
            if (job.isBlank()) {
                throw json.bad("fullName", "expected the job's full name, such as \"checkout/release-candidate\", "
                        + "found \"\"");
            }
            List<JsonNode> items = json.list(json.present(root, "allBuilds", ""), "allBuilds");
            List<BuildRecord> builds = new ArrayList<>(items.size());
            long newer = Long.MAX_VALUE;
            for (int i = 0; i < items.size(); i++) {
                BuildRecord b = build(job, items.get(i), "allBuilds[" + i + "]");
                if (b.build().number() >= newer) {
                    throw json.bad("allBuilds[" + i + "].number", "build " + b.build().number() + " comes after build "
                            + newer + ": the builds must be newest first, as Jenkins lists them");
                }
                newer = b.build().number();
                builds.add(b);
            }
            return new HistoryFile(name, job, builds);
        }

        private BuildRecord build(String job, JsonNode node, String path) {
            json.object(node, path);
            String numberPath = JsonReader.key(path, "number");
            int number = json.wholeNumber(json.present(node, "number", path), numberPath);
            BuildRef ref = json.attempt(numberPath, () -> new BuildRef(job, number));
            long timestamp = json.longNumber(json.present(node, "timestamp", path), JsonReader.key(path, "timestamp"));
            boolean building = json.bool(json.present(node, "building", path), JsonReader.key(path, "building"));
            JsonNode resultNode = json.present(node, "result", path);
            Optional<BuildResult> result = resultNode.isNull() ? Optional.empty()
                    : Optional.of(json.constant(BuildResult.class, resultNode, JsonReader.key(path, "result")));
            String actionsPath = JsonReader.key(path, "actions");
            List<JsonNode> actions = json.list(json.present(node, "actions", path), actionsPath);
            Optional<ReleaseCandidate> rc = Optional.empty();
            String markPath = null;
            for (int i = 0; i < actions.size(); i++) {
                JsonNode action = actions.get(i);
                String actionPath = actionsPath + "[" + i + "]";
                if (!isMark(action)) {
                    continue;
                }
                if (rc.isPresent()) {
                    throw json.bad(actionPath, "a second release candidate mark on one build (the first is "
                            + markPath + "): the plugin puts one on a build");
                }
                rc = Optional.of(mark(ref, action, actionPath));
                markPath = actionPath;
            }
            return new BuildRecord(ref, Instant.ofEpochMilli(timestamp), building, result, rc);
        }

        /** The plugin's mark has both keys; no other action Jenkins exports has them. */
        private static boolean isMark(JsonNode action) {
            return action != null && action.isObject() && JsonReader.has(action, "product")
                    && JsonReader.has(action, "state");
        }

        private ReleaseCandidate mark(BuildRef build, JsonNode node, String path) {
            String product = json.text(node, "product", path);
            if (product.isBlank()) {
                throw json.bad(JsonReader.key(path, "product"), "expected the product's name, found \"\"");
            }
            RcState state = json.constant(RcState.class, node.get("state"), JsonReader.key(path, "state"));
            Instant startedAt = json.instant(json.present(node, "startedAt", path), JsonReader.key(path, "startedAt"));
            ReleaseManager manager = releaseManager(json.present(node, "releaseManager", path),
                    JsonReader.key(path, "releaseManager"));
            List<Person> authors = new ArrayList<>();
            String authorsPath = JsonReader.key(path, "changeAuthors");
            List<JsonNode> authorNodes = json.optionalList(node.get("changeAuthors"), authorsPath);
            for (int i = 0; i < authorNodes.size(); i++) {
                person(authorNodes.get(i), authorsPath + "[" + i + "]").ifPresent(authors::add);
            }
            Optional<Urgency> urgency = JsonReader.absent(node.get("urgency")) ? Optional.empty()
                    : Optional.of(urgency(node.get("urgency"), JsonReader.key(path, "urgency")));
            Optional<ReleaseCandidate.Closure> closure = JsonReader.absent(node.get("closure")) ? Optional.empty()
                    : Optional.of(closure(node.get("closure"), JsonReader.key(path, "closure")));
            List<RcEvent> history = new ArrayList<>();
            String historyPath = JsonReader.key(path, "history");
            List<JsonNode> events = json.optionalList(node.get("history"), historyPath);
            for (int i = 0; i < events.size(); i++) {
                history.add(event(events.get(i), historyPath + "[" + i + "]"));
            }
            return ReleaseCandidate.restore(build, product, manager, authors, urgency, startedAt, state, history,
                    closure);
        }

        /** Read as the plugin reads its own: no source is USER, nobody named or UNASSIGNED is unassigned. */
        private ReleaseManager releaseManager(JsonNode node, String path) {
            json.object(node, path);
            ReleaseManager.Source source = json.nullableConstant(ReleaseManager.Source.class, node, "source", path);
            return ReleaseManager.restore(person(node, path), source);
        }

        /** {id, displayName}: a Jenkins user, a commit author known only by name (id null), or nobody (both null). */
        private Optional<Person> person(JsonNode node, String path) {
            json.object(node, path);
            String id = json.optionalText(node, "id", path).orElse(null);
            String displayName = json.optionalText(node, "displayName", path).orElse(null);
            return Person.ofNullable(id, displayName);
        }

        private Optional<Person> optionalPerson(JsonNode parent, String key, String path) {
            JsonNode node = parent.get(key);
            return JsonReader.absent(node) ? Optional.empty() : person(node, JsonReader.key(path, key));
        }

        private Urgency urgency(JsonNode node, String path) {
            json.object(node, path);
            UrgencyCategory category = json.constant(UrgencyCategory.class, json.present(node, "category", path),
                    JsonReader.key(path, "category"));
            String reason = json.optionalText(node, "reason", path).orElse(null);
            return json.attempt(path, () -> new Urgency(category, reason));
        }

        private ReleaseCandidate.Closure closure(JsonNode node, String path) {
            json.object(node, path);
            Optional<Person> by = optionalPerson(node, "by", path);
            Instant at = json.instant(json.present(node, "at", path), JsonReader.key(path, "at"));
            String reason = json.nullableText(node, "reason", path).orElse("");
            Optional<String> nextSteps = json.optionalText(node, "nextSteps", path);
            Optional<String> closedForText = json.optionalText(node, "closedFor", path);
            Optional<BuildRef> closedFor = closedForText.isEmpty() ? Optional.empty()
                    : Optional.of(json.attempt(JsonReader.key(path, "closedFor"),
                            () -> BuildRef.parse(closedForText.get())));
            return new ReleaseCandidate.Closure(by, at, reason, nextSteps, closedFor);
        }

        private RcEvent event(JsonNode node, String path) {
            json.object(node, path);
            Instant at = json.instant(json.present(node, "at", path), JsonReader.key(path, "at"));
            RcState from = json.constant(RcState.class, json.present(node, "from", path), JsonReader.key(path, "from"));
            RcState to = json.constant(RcState.class, json.present(node, "to", path), JsonReader.key(path, "to"));
            Optional<Person> by = optionalPerson(node, "by", path);
            String note = json.nullableText(node, "note", path).orElse("");
            return new RcEvent(at, from, to, by, note);
        }
    }
}
