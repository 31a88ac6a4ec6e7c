package io.jenkins.plugins.releasegate.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/** The admin guide shows the sample policy in full; this keeps the block and the file (which the tests apply) equal. */
public class AdminGuideTest {
    private static final String MARKER = "<!-- docs/examples/release-gate.yml, as it is";

    @Test
    public void theGuideShowsTheSamplePolicyAsItIs() throws IOException {
        String guide = read("docs/admin-guide.md");
        int marker = guide.indexOf(MARKER);
        assertTrue("docs/admin-guide.md lost its marker " + MARKER, marker >= 0);
        int start = guide.indexOf("```yaml\n", marker) + "```yaml\n".length();
        int end = guide.indexOf("\n```", start - 1);
        assertEquals(read("docs/examples/release-gate.yml"), guide.substring(start, end + 1));
    }

    private static String read(String path) throws IOException {
        Path root = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Files.readString(root.resolve(path), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
