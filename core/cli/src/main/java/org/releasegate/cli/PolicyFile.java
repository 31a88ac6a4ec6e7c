package org.releasegate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.releasegate.policy.PolicyException;
import org.releasegate.policy.ReleasePolicy;

/**
 * A Release Gate policy as it is kept: a Jenkins Configuration-as-Code YAML file, with the policy under
 * {@code unclassified: releaseGate:}. The same file configures the plugin and the command line.
 */
public final class PolicyFile {
    /** The sample policy, docs/examples/release-gate.yml, which the build copies into the jar. */
    static final String EMBEDDED = "release-gate.yml";
    static final String EMBEDDED_NAME = "<embedded " + EMBEDDED + ">";

    private final String name;
    private final Optional<ReleasePolicy> policy;
    private final List<Problem> problems;

    private PolicyFile(String name, String yaml) {
        PolicyReader reader = new PolicyReader(name);
        this.name = name;
        this.policy = reader.read(yaml);
        this.problems = List.copyOf(reader.problems());
    }

    /** @param name how problems name the file */
    public static PolicyFile of(String name, String yaml) {
        return new PolicyFile(name, yaml);
    }

    /** @throws PolicyException when the file cannot be read at all, naming it and why */
    public static PolicyFile read(Path file) {
        try {
            return of(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PolicyException("Cannot read the policy file " + file + ": there is no such file", e);
        } catch (AccessDeniedException e) {
            throw new PolicyException("Cannot read the policy file " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new PolicyException("Cannot read the policy file " + file + ": it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new PolicyException("Cannot read the policy file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The sample policy built into the command line, used when the caller gives neither a file nor windows. */
    public static PolicyFile embedded() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) {
                throw new IllegalStateException(EMBEDDED + " is missing from the jar: the build copies it from "
                        + "docs/examples/");
            }
            return of(EMBEDDED_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getName() {
        return name;
    }

    /** Every problem, in file order; empty when the policy is valid. */
    public List<Problem> getProblems() {
        return problems;
    }

    /** @throws InvalidPolicyException with every problem, when there is any */
    public ReleasePolicy policy() {
        return policy.orElseThrow(() -> new InvalidPolicyException(problems));
    }
}
