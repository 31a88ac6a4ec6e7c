package org.releasegate.cli;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A product's own {@code timeZone} in a policy file: its windows and freezes are read in it, and check and windows
 * show its times in it. The policy's zone is New York; search's is Berlin.
 */
public class ProductTimeZoneCliTest {
    private static final String POLICY = String.join("\n",
            "unclassified:",
            "  releaseGate:",
            "    timeZone: America/New_York",
            "    products:",
            "      - name: search",
            "        jobs: search/deploy",
            "        timeZone: Europe/Berlin",
            "        productionWindows: Mon-Thu 08:00-16:00",
            "        freezes:",
            "          - 2026-12-21..2027-01-04 Holiday freeze",
            "        releasesWithoutRc: true",
            "      - name: checkout",
            "        jobs: checkout/deploy",
            "        productionWindows: Mon-Thu 08:00-16:00",
            "        releasesWithoutRc: true",
            "");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path policy(String yaml) {
        return Histories.write(tmp, yaml);
    }

    @Test
    public void checkTellsABerlinProductItsNextWindowInBerlinTime() {
        // Friday 2026-11-27 10:00 in New York, 16:00 in Berlin: both closed.
        String file = policy(POLICY).toString();
        CliRun search = CliRun.run("check", "--policy", file, "--product", "search", "--at", "2026-11-27T15:00:00Z");
        assertEquals(search.toString(), ReleaseGateCommand.BLOCKED, search.exitCode);
        assertThat(search.out, containsString("outside the production window (Mon-Thu 08:00-16:00 Europe/Berlin)"));
        assertThat(search.out, containsString("The next production window opens Mon 2026-11-30 08:00 CET"));
        assertThat(search.out, not(containsString("EST")));

        CliRun checkout = CliRun.run("check", "--policy", file, "--product", "checkout", "--at",
                "2026-11-27T15:00:00Z");
        assertThat(checkout.out, containsString("The next production window opens Mon 2026-11-30 08:00 EST"));
    }

    @Test
    public void checkJsonGivesTheProductsZoneAndOffsets() {
        JsonNode json = CliRun.run("check", "--policy", policy(POLICY).toString(), "--product", "search", "--at",
                "2026-11-27T15:00:00Z", "--format", "json").json();
        assertEquals("Europe/Berlin", json.get("timeZone").asText());
        assertEquals("2026-11-27T16:00:00+01:00", json.get("at").asText());
        assertEquals("2026-11-30T08:00:00+01:00", json.get("nextOpening").asText());
    }

    @Test
    public void freezesAreReadInTheProductsZone() {
        // Monday 2026-12-21 00:30 in Berlin is Sunday 18:30 in New York: search is frozen, checkout is not yet.
        String file = policy(POLICY.replace("Mon-Thu 08:00-16:00", "Mon-Sun 00:00-24:00")).toString();
        JsonNode search = CliRun.run("check", "--policy", file, "--product", "search", "--at", "2026-12-20T23:30:00Z",
                "--format", "json").json();
        assertEquals("BLOCKED", search.get("decision").asText());
        assertEquals("2026-12-21..2027-01-04 Holiday freeze", search.get("freezes").get(0).asText());
        String checkoutFrozen = POLICY.replace("Mon-Thu 08:00-16:00", "Mon-Sun 00:00-24:00")
                .replace("        jobs: checkout/deploy\n", "        jobs: checkout/deploy\n        freezes:\n"
                        + "          - 2026-12-21..2027-01-04 Holiday freeze\n");
        JsonNode checkout = CliRun.run("check", "--policy", policy(checkoutFrozen).toString(), "--product", "checkout",
                "--at", "2026-12-20T23:30:00Z", "--format", "json").json();
        assertEquals("ALLOWED", checkout.get("decision").asText());
    }

    @Test
    public void windowsListsTheProductsOwnTimes() {
        CliRun run = CliRun.run("windows", "--policy", policy(POLICY).toString(), "--product", "search", "--from",
                "2026-11-27T15:00:00Z", "--count", "1", "--zone", "Europe/Berlin");
        assertEquals(run.toString(), ReleaseGateCommand.OK, run.exitCode);
        assertEquals(String.join("\n",
                "Production windows of search from Fri 2026-11-27 16:00 CET:",
                "          Europe/Berlin",
                "  opens   Mon 2026-11-30 08:00 CET",
                "  closes  Mon 2026-11-30 16:00 CET", ""), run.out);
    }

    @Test
    public void aBlankProductZoneIsThePolicys() {
        String file = policy(POLICY.replace("timeZone: Europe/Berlin", "timeZone: \"\"")).toString();
        JsonNode json = CliRun.run("check", "--policy", file, "--product", "search", "--at", "2026-11-27T15:00:00Z",
                "--format", "json").json();
        assertEquals("America/New_York", json.get("timeZone").asText());
    }

    @Test
    public void aProductZoneIsValidatedLikeThePolicys() {
        Path file = policy(POLICY.replace("timeZone: Europe/Berlin", "timeZone: CET"));
        CliRun run = CliRun.run("validate", "--policy", file.toString());
        assertEquals(run.toString(), ReleaseGateCommand.BAD_INPUT, run.exitCode);
        assertEquals(file + ":7:19: products[0].timeZone: \"CET\" is an abbreviation, not a time zone: Java reads it "
                + "as a fixed offset that ignores daylight saving. Use the IANA id Europe/Paris\n", run.err);
    }
}
