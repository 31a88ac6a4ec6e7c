package org.releasegate.benchmarks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * docs/performance.md counts the combinations a full run times and names benchmarks as JMH prints them
 * ({@code EvaluateBenchmark.engine}); this keeps both true as benchmarks are added.
 */
public class PerformanceDocTest {
    /** Surefire runs in core/benchmarks. */
    private static final Path DOC = Path.of("../../docs/performance.md");

    @Test
    public void theFullRunCountIsWhatJmhRuns() throws IOException {
        Matcher m = Pattern.compile("The full run has (\\d+) benchmark and parameter combinations").matcher(doc());
        assertTrue("docs/performance.md states how many combinations a full run has", m.find());
        int combinations = 0;
        for (Class<?> type : benchmarks()) {
            int params = 1;
            for (Field f : type.getFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p != null) {
                    params *= p.value().length;
                }
            }
            combinations += methods(type).size() * params;
        }
        assertEquals(combinations, Integer.parseInt(m.group(1)));
    }

    @Test
    public void everyBenchmarkNamedInTheDocExistsUnderThatName() throws IOException {
        TreeSet<String> real = new TreeSet<>();
        for (Class<?> type : benchmarks()) {
            methods(type).forEach(name -> real.add(type.getSimpleName() + "." + name));
        }
        Matcher m = Pattern.compile("`(\\w+Benchmark)\\.(\\w+)`").matcher(doc());
        int named = 0;
        while (m.find()) {
            String name = m.group(1) + "." + m.group(2);
            assertTrue(name + " is not a benchmark; JMH prints " + real, real.contains(name));
            named++;
        }
        for (String name : real) {
            assertTrue("docs/performance.md never names " + name, doc().contains("`" + name + "`"));
        }
        assertTrue(named >= real.size());
    }

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    private static List<String> methods(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Benchmark.class)) {
                names.add(method.getName());
            }
        }
        return names;
    }

    /** Every class of this package with a benchmark method, found among the compiled classes. */
    private static List<Class<?>> benchmarks() throws IOException {
        Path dir = Path.of("target/classes/org/releasegate/benchmarks");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class") || file.contains("$")) {
                    continue;
                }
                try {
                    Class<?> type = Class.forName("org.releasegate.benchmarks." + file.replace(".class", ""));
                    if (!methods(type).isEmpty()) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertTrue("benchmarks found: " + found, found.size() >= 3);
        return found;
    }
}
