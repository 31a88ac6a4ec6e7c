package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.releasegate.message.Times;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.schedule.OpenPeriod;
import org.releasegate.schedule.Runway;
import org.releasegate.schedule.Schedule;
import org.releasegate.schedule.TimeZones;
import org.releasegate.schedule.WeekView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code release-gate windows}: when production opens and closes next, freezes cut out. */
@Command(name = "windows", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the next times production opens and closes for the product, freezes cut out, in the "
                + "product's time zone and in yours.")
final class WindowsCommand implements Callable<Integer> {
    /** Enough for a quarter of weekday windows; more is a different question. */
    private static final int MAX_COUNT = 100;

    @ParentCommand
    private ReleaseGateCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PolicyOptions policy;

    @Mixin
    private ExpectedDuration expectedDuration;

    // Initialised here rather than with defaultValue: SpotBugs cannot see picocli's reflection and would take it for 0.
    @Option(names = "--count", paramLabel = "N", description = "How many windows (default: ${DEFAULT-VALUE}).")
    private int count = 5;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "From when: an ISO-8601 instant such as 2026-11-26T15:00:00Z or 2026-11-26T10:00:00-05:00 "
                    + "(default: now). A window open then is listed first.")
    private Instant from;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Your IANA time zone, for the second column (default: this computer's).")
    private String zone;

    @Option(names = "--format", paramLabel = "text|json|svg",
            description = "text (default); json: a list of {opens, closes} in the product's zone; or svg: a picture of "
                    + "the week from --from, windows and freezes, in the product's zone (--count does not apply).")
    private Format format = Format.TEXT;

    /** What windows prints: check's two, and a picture. */
    enum Format {
        TEXT,
        JSON,
        SVG
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (count < 1 || count > MAX_COUNT) {
            throw new ParameterException(spec.commandLine(), "--count must be from 1 to " + MAX_COUNT + ", not " + count);
        }
        ProductPolicy product = policy.product();
        ZoneId yours = zone == null ? parent.clock().getZone() : TimeZones.parse(zone);
        Instant start = from != null ? from : parent.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Duration runway = expectedDuration.runway(product);
        List<OpenPeriod> periods = first(count, product.getSchedule(), start);

        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.SVG) {
            out.print(WeekSvg.render(product.getName(), WeekView.of(product.getSchedule(), start, product.getZone())));
        } else if (format == Format.JSON) {
            JsonOutput.print(out, json(periods, product.getZone(), runway));
        } else {
            text(out, product, start, periods, yours, runway);
        }
        out.flush();
        return ReleaseGateCommand.OK;
    }

    /**
     * The first {@code count} open periods from {@code start}. One walk of the schedule looks a bounded way ahead (16
     * days past the start or the last freeze), so walk on from where the last period found closes until there are
     * enough, or none is left.
     */
    private static List<OpenPeriod> first(int count, Schedule schedule, Instant start) {
        List<OpenPeriod> first = new ArrayList<>(count);
        Iterator<OpenPeriod> periods = schedule.openPeriods(start);
        while (first.size() < count) {
            if (!periods.hasNext()) {
                Optional<Instant> closes = first.isEmpty() ? Optional.empty() : first.get(first.size() - 1).closes();
                if (closes.isEmpty()) {
                    break; // no window at all, or the last one never closes
                }
                periods = schedule.openPeriods(closes.get());
                if (!periods.hasNext()) {
                    break;
                }
            }
            first.add(periods.next());
        }
        return first;
    }

    /**
     * The latest start of a release of {@code runway} in the period: empty when it never closes, or when it is shorter
     * than the runway (no release of that length may start in it).
     */
    static Optional<Instant> lastStart(OpenPeriod p, Duration runway) {
        return p.closes().map(c -> c.minus(runway)).filter(last -> !last.isBefore(p.opens()));
    }

    private static List<Map<String, String>> json(List<OpenPeriod> periods, ZoneId zone, Duration runway) {
        List<Map<String, String>> json = new ArrayList<>();
        for (OpenPeriod p : periods) {
            Map<String, String> period = new LinkedHashMap<>();
            period.put("opens", IsoTimes.format(p.opens(), zone));
            period.put("closes", IsoTimes.format(p.closes(), zone));
            if (!runway.isZero()) {
                period.put("lastStart", IsoTimes.format(lastStart(p, runway), zone));
            }
            json.add(period);
        }
        return json;
    }

    /** Two lines a window, opening then closing; a second column in the caller's zone when it differs. */
    private static void text(PrintWriter out, ProductPolicy product, Instant start, List<OpenPeriod> periods,
            ZoneId yours, Duration runway) {
        ZoneId theirs = product.getZone();
        if (periods.isEmpty()) {
            out.println("Production never opens for " + product.getName() + ": it has no window ahead.");
            return;
        }
        out.println("Production windows of " + product.getName() + " from " + Times.local(start, theirs)
                + (runway.isZero() ? "" : ", last start for a release of " + Runway.words(runway)) + ":");
        boolean twoZones = !yours.getRules().equals(theirs.getRules());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", theirs.getId(), twoZones ? yours.getId() : ""});
        for (OpenPeriod p : periods) {
            rows.add(row(p.opens().isAfter(start) ? "opens" : "opened", Optional.of(p.opens()), theirs, yours, twoZones));
            if (!runway.isZero() && p.closes().isPresent()) {
                Optional<Instant> last = lastStart(p, runway);
                rows.add(last.isPresent() ? row("start by", last, theirs, yours, twoZones)
                        : new String[] {"start by", "too short", twoZones ? "too short" : ""});
            }
            rows.add(row("closes", p.closes(), theirs, yours, twoZones));
        }
        int width = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0) + 3;
        for (String[] r : rows) {
            String line = String.format(Locale.ROOT, "  %-" + (runway.isZero() ? 8 : 10) + "s%-" + width + "s%s",
                    r[0], r[1], r[2]);
            out.println(line.stripTrailing());
        }
    }

    private static String[] row(String label, Optional<Instant> when, ZoneId theirs, ZoneId yours, boolean twoZones) {
        String local = when.map(w -> Times.local(w, theirs)).orElse("never");
        String other = twoZones ? when.map(w -> Times.local(w, yours)).orElse("never") : "";
        return new String[] {label, local, other};
    }
}
