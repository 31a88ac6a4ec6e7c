package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.decision.Warning;
import org.releasegate.urgency.Urgency;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.BuildRecord;
import org.releasegate.ledger.LedgerRebuild;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.ledger.RebuildResult;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
import org.releasegate.rc.ReleaseCandidate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code release-gate check}: what the gate would decide for a release of a product at an instant. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Asks the gate whether a release of the product may happen at an instant (now by default), "
                + "in the words a build's console shows, or as JSON.",
            "Release candidates come from --history: without it they are not checked, and the answer warns so. "
                + "No build is queued and no production release is in progress; --hold adds holds."},
        footer = {"", "Exit code 0: allowed; 3: blocked; 2: bad input."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private ReleaseGateCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PolicyOptions policy;

    @Mixin
    private ExpectedDuration expectedDuration;

    @Option(names = "--stage", paramLabel = "rc|production", defaultValue = "production",
            description = "What is asked: a release candidate, or a production release (default: ${DEFAULT-VALUE}).")
    private String stage;

    @Option(names = "--at", paramLabel = "TIME", converter = InstantConverter.class,
            description = "When: an ISO-8601 instant such as 2026-11-26T15:00:00Z or 2026-11-26T10:00:00-05:00 "
                    + "(default: now).")
    private Instant at;

    @Option(names = "--hold", paramLabel = "AUTHOR:REASON", converter = HoldArgument.Converter.class,
            description = "A hold standing on the product, such as 'alice: waiting for the DB migration'. Repeatable.")
    private List<HoldArgument> holds = new ArrayList<>();

    @Option(names = "--urgency", paramLabel = "CATEGORY",
            description = "An urgent exception: PRODUCTION_DOWN, CRITICAL_PATH_BUG or URGENT_DELIVERY; needs --reason.")
    private String urgency;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "What is going on, for --urgency, such as 'INC-4411 checkout returns 500s'.")
    private String reason;

    @Option(names = "--may-override",
            description = "Ask as someone with the Override permission, who may lift the window or a freeze with "
                    + "--urgency.")
    private boolean mayOverride;

    @Option(names = "--candidate", paramLabel = "JOB#NUMBER",
            description = "Production: the release candidate to promote, such as checkout/release-candidate#42.")
    private String candidate;

    @Option(names = "--history", paramLabel = "FILE",
            description = {"A job's build history with its release candidate marks, as Jenkins' REST API returns it "
                    + "for the query in docs/cli.md (/job/.../api/json?tree=fullName,allBuilds[...]{0,500}). "
                    + "Repeatable: one file a job of the product.",
                "Without --history, release candidates are not checked: none blocks an RC and production needs none "
                        + "to promote."})
    private List<Path> histories = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json",
            description = "text, the words the build's console shows (default), or json.")
    private OutputFormat format = OutputFormat.TEXT;

    @Override
    public Integer call() throws JsonProcessingException {
        ProductPolicy product = policy.product();
        Instant when = at != null ? at : parent.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        boolean candidatesKnown = !histories.isEmpty();
        GateRequest request = GateRequest.builder(Stage.parse(stage))
                .urgency(Urgency.of(urgency, reason))
                .mayOverride(mayOverride)
                .candidate(candidate == null ? Optional.empty() : Optional.of(BuildRef.parse(candidate)))
                .candidatesKnown(candidatesKnown)
                .expectedDuration(expectedDuration.expected())
                .build();
        List<Warning> historyWarnings = new ArrayList<>();
        GateDecision decision = ReleaseGate.decide(product, request, ledger(product, when, historyWarnings), when)
                .withWarnings(historyWarnings);

        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, DecisionJson.of(decision, product.getZone(), candidatesKnown));
        } else {
            out.print(ConsoleMessage.render(decision, product.getZone()));
        }
        out.flush();
        return decision.isAllowed() ? ReleaseGateCommand.OK : ReleaseGateCommand.BLOCKED;
    }

    /** What the gate reasons over: the RCs --history shows, the holds from --hold; no queue, no production running. */
    private LedgerSnapshot ledger(ProductPolicy product, Instant when, List<Warning> historyWarnings) {
        List<Hold> standing = new ArrayList<>();
        for (HoldArgument h : holds) {
            standing.add(h.toHold(standing.size() + 1, product.getName(), when));
        }
        return new LedgerSnapshot(product.getName(), candidates(product, when, historyWarnings), standing, List.of(), Optional.empty());
    }

    /**
     * The product's RCs, read as the plugin reads them at start-up: every job's history merged newest first, read until
     * no older build can matter (the newest promoted RC, or the age bound). A file with builds and no mark, or one that
     * ran out before reading could stop, adds a warning: either may hide an open RC.
     */
    private List<ReleaseCandidate> candidates(ProductPolicy product, Instant when, List<Warning> historyWarnings) {
        if (histories.isEmpty()) {
            return List.of();
        }
        Map<String, HistoryFile> jobs = new LinkedHashMap<>();
        for (Path file : histories) {
            HistoryFile history = HistoryFile.read(file);
            HistoryFile same = jobs.putIfAbsent(history.job(), history);
            if (same != null) {
                throw new InvalidHistoryException(history.name() + ": the history of " + history.job()
                        + " was given already, in " + same.name() + ": give each job once");
            }
            if (!product.isBoundTo(history.job())) {
                throw new InvalidHistoryException(history.name() + ": job " + history.job() + " is not one of "
                        + product.getName() + "'s jobs (" + (product.getJobs().isEmpty() ? "it has none"
                        : product.getJobs().stream().map(Object::toString).collect(Collectors.joining(", ")))
                        + "): the gate reads only the history of the product's jobs");
            }
        }
        List<Iterator<BuildRecord>> newestFirst = jobs.values().stream().map(h -> h.builds().iterator()).toList();
        RebuildResult read = LedgerRebuild.read(product, LedgerRebuild.merge(newestFirst), when);
        Instant bound = LedgerRebuild.ageBound(product, when);
        for (HistoryFile history : jobs.values()) {
            history.withoutMarks().ifPresent(historyWarnings::add);
            history.cutShort(read, bound, product.getZone()).ifPresent(historyWarnings::add);
        }
        return read.candidates();
    }
}
