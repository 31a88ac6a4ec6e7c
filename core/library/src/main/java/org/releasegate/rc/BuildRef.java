package org.releasegate.rc;

import org.releasegate.policy.PolicyException;

/**
 * A build named as people write it, {@code job#number}: {@code checkout/release-candidate#42}.
 *
 * @param job the job's full name
 * @param number the build number
 */
public record BuildRef(String job, int number) implements Comparable<BuildRef> {
    public BuildRef {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("a build needs its job's full name");
        }
        if (number < 1) {
            throw new IllegalArgumentException("build numbers start at 1, not " + number);
        }
    }

    /** @throws PolicyException naming the input and the form expected */
    public static BuildRef parse(String text) {
        String t = text == null ? "" : text.trim();
        int hash = t.lastIndexOf('#');
        if (hash <= 0 || hash == t.length() - 1) {
            throw new PolicyException("Cannot read the build \"" + text + "\": write job#number, such as "
                    + "checkout/release-candidate#42");
        }
        try {
            int number = Integer.parseInt(t.substring(hash + 1));
            if (number >= 1) {
                return new BuildRef(t.substring(0, hash), number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PolicyException("Cannot read the build \"" + text + "\": after '#' comes a build number, such as "
                + "checkout/release-candidate#42");
    }

    /** Newer builds of a job sort first; jobs by name. */
    /** This build after its job was renamed or moved from {@code from} to {@code to}; itself for any other job. */
    public BuildRef moved(String from, String to) {
        return job.equals(from) ? new BuildRef(to, number) : this;
    }

    @Override
    public int compareTo(BuildRef o) {
        int byJob = job.compareTo(o.job);
        return byJob != 0 ? byJob : Integer.compare(o.number, number);
    }

    @Override
    public String toString() {
        return job + "#" + number;
    }
}
