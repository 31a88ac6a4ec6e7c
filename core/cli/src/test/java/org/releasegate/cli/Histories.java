package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Consumer;
import org.junit.rules.TemporaryFolder;

/** The sample build histories in docs/examples/, and copies of them changed for a test. */
final class Histories {
    /** checkout/release-candidate: #44 running (alice), #43 failed, #42 in flight (bob), #41, #40 promoted, #39. */
    static final String RC = "../../docs/examples/history-release-candidate.json";
    /** checkout/hotfix: #8 in flight with nobody as release manager, #7 rejected, #6. */
    static final String HOTFIX = "../../docs/examples/history-hotfix.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Histories() {
    }

    static ObjectNode tree(String sample) {
        try {
            return (ObjectNode) MAPPER.readTree(Paths.get(sample).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build at {@code index} in allBuilds. */
    static ObjectNode build(ObjectNode history, int index) {
        return (ObjectNode) history.get("allBuilds").get(index);
    }

    /** The RC mark of the build at {@code index}: its third action in the samples. */
    static ObjectNode mark(ObjectNode history, int index) {
        JsonNode mark = build(history, index).get("actions").get(2);
        if (!mark.has("product")) {
            throw new IllegalArgumentException("build " + index + " has no mark");
        }
        return (ObjectNode) mark;
    }

    /** A copy of the sample with a change, as a file. */
    static Path changed(TemporaryFolder tmp, String sample, Consumer<ObjectNode> change) {
        ObjectNode history = tree(sample);
        change.accept(history);
        try {
            return write(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(history));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(TemporaryFolder tmp, String json) {
        try {
            Path file = tmp.newFile().toPath();
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
