package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/cli.md and docs/rest-api.md say what the command line really does: the query, and every example's output. */
public class DocsTest {
    /** Surefire runs in core/cli. */
    private static final String DOCS = "../../docs/";
    private static final String JAR = "$ java -jar core/cli/target/release-gate.jar ";

    private static String read(String doc) throws IOException {
        return Files.readString(Paths.get(DOCS + doc), StandardCharsets.UTF_8);
    }

    @Test
    public void bothDocumentsGiveTheQueryTheReaderExpects() throws IOException {
        String query = "/job/checkout/job/release-candidate/api/json?" + HistoryFile.QUERY;
        assertThat(read("cli.md"), containsString("\n" + query + "\n"));
        assertThat(read("cli.md"), containsString("curl -fsSg -u user:token 'https://jenkins.example.com" + query + "'"));
        assertThat(read("rest-api.md"), containsString("\n" + query + "\n"));
    }

    /** Each {@code $ java -jar ...} in a console block, run here: its output and exit code as the document shows. */
    @Test
    public void theExamplesInCliMdAreWhatTheJarPrints() throws IOException {
        List<String> lines = read("cli.md").lines().toList();
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith(JAR)) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().startsWith("$ ") && !lines.get(j).strip().equals("```");
                    j++) {
                shown.add(lines.get(j).strip().isEmpty() ? "" : lines.get(j).substring(indent(lines.get(i))));
            }
            String[] args = Arrays.stream(line.substring(JAR.length()).split(" "))
                    .map(a -> a.startsWith("docs/") ? "../../" + a : a).toArray(String[]::new);
            if (Arrays.asList(args).contains("history.json")) {
                continue; // a file of the reader's own
            }
            CliRun run = CliRun.run(args);
            String printed = (run.exitCode == ReleaseGateCommand.BAD_INPUT ? run.err : run.out).replace("../../docs/",
                    "docs/");
            assertEquals(line, String.join("\n", shown) + "\n", printed);
            if (j < lines.size() && lines.get(j).strip().equals("$ echo $?")) {
                assertEquals(line, lines.get(j + 1).strip(), String.valueOf(run.exitCode));
            }
            checked++;
        }
        assertTrue("examples checked: " + checked, checked >= 7);
    }

    /**
     * The sample an admin is told to apply sets Release Gate's policy and nothing else: no controller URL, no executors,
     * no system message of ours overwriting theirs.
     */
    @Test
    public void theSamplePolicySetsOnlyTheReleaseGateBlock() throws IOException {
        Map<String, Object> sample = new Yaml().load(read("examples/release-gate.yml"));
        assertEquals(List.of("unclassified"), List.copyOf(sample.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> unclassified = (Map<String, Object>) sample.get("unclassified");
        assertEquals(List.of("releaseGate"), List.copyOf(unclassified.keySet()));
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
