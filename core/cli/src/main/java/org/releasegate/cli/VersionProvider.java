package org.releasegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven built, read from the pom.properties it writes into the jar, so it is never typed twice. */
final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.jenkins.plugins.release-gate/release-gate-cli/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                pom.load(in);
            }
        }
        // Outside a jar (an IDE, the tests) there is no pom.properties.
        return new String[] {"release-gate " + pom.getProperty("version", "(development build)")};
    }
}
