package org.releasegate.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A job full-name pattern binding jobs to a product: {@code *} matches within one path segment, {@code **} across
 * segments. {@code checkout/**} is a folder, {@code checkout/app/release-*} a multibranch job's release branches.
 */
public final class JobPattern {
    private final String text;
    private final Pattern regex;

    private JobPattern(String text) {
        this.text = text;
        this.regex = Pattern.compile(toRegex(text));
    }

    /** @throws PolicyException for an empty pattern or one starting with {@code /} */
    public static JobPattern parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            throw new PolicyException("A job pattern is empty: write a job's full name such as checkout/release-candidate");
        }
        if (t.startsWith("/") || t.endsWith("/") || t.contains("//")) {
            throw new PolicyException("Job pattern \"" + t + "\": write the full name without a leading, trailing or "
                    + "doubled '/', such as checkout/release-candidate or checkout/**");
        }
        return new JobPattern(t);
    }

    /** Patterns separated by commas or new lines. */
    public static List<JobPattern> parseAll(String text) {
        List<JobPattern> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,\\n]")) {
                if (!part.isBlank()) {
                    out.add(parse(part));
                }
            }
        }
        return out;
    }

    /**
     * A saved product's {@code jobs}: at least one pattern. A product without jobs would refuse every build as not
     * bound to it, so a policy that is saved or applied needs them (a what-if policy typed on the command line does not).
     *
     * @throws PolicyException when there is no pattern, or for a malformed one
     */
    public static List<JobPattern> parseRequired(String text) {
        List<JobPattern> patterns = parseAll(text);
        if (patterns.isEmpty()) {
            throw new PolicyException(NO_JOBS);
        }
        return patterns;
    }

    /** The words for a product without jobs, for readers that find the setting missing rather than empty. */
    public static final String NO_JOBS = "no jobs: list the full names of the jobs that release this product, such as "
            + "\"checkout/release-candidate, checkout/deploy-production\" or checkout/**; without them every build is "
            + "refused as not bound to it";

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    public boolean matches(String jobFullName) {
        return jobFullName != null && regex.matcher(jobFullName).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
