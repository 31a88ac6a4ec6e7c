package org.releasegate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.releasegate.decision.GateDecision;
import org.releasegate.decision.GateRequest;
import org.releasegate.decision.ReleaseGate;
import org.releasegate.decision.Stage;
import org.releasegate.urgency.Urgency;
import org.releasegate.hold.Hold;
import org.releasegate.ledger.LedgerSnapshot;
import org.releasegate.message.ConsoleMessage;
import org.releasegate.policy.ProductPolicy;
import org.releasegate.rc.BuildRef;
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
            "The ledger is empty but for --hold: no release candidate is in flight and no build is queued."},
        footer = {"", "Exit code 0: allowed; 3: blocked; 2: bad input."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private ReleaseGateCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PolicyOptions policy;

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

    // --history FILE belongs here: the product's release history (release candidates, the queue, production in
    // progress), read into the ledger in ledger() below.

    @Option(names = "--format", paramLabel = "text|json",
            description = "text, the words the build's console shows (default), or json.")
    private OutputFormat format = OutputFormat.TEXT;

    @Override
    public Integer call() throws JsonProcessingException {
        ProductPolicy product = policy.product();
        Instant when = at != null ? at : parent.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        GateRequest request = GateRequest.builder(Stage.parse(stage))
                .urgency(Urgency.of(urgency, reason))
                .mayOverride(mayOverride)
                .candidate(candidate == null ? Optional.empty() : Optional.of(BuildRef.parse(candidate)))
                .build();
        GateDecision decision = ReleaseGate.decide(product, request, ledger(product, when), when);

        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            JsonOutput.print(out, DecisionJson.of(decision, product.getZone()));
        } else {
            out.print(ConsoleMessage.render(decision, product.getZone()));
        }
        out.flush();
        return decision.isAllowed() ? ReleaseGateCommand.OK : ReleaseGateCommand.BLOCKED;
    }

    /** What the gate reasons over. --history FILE will fill the candidates, the queue and production in progress. */
    private LedgerSnapshot ledger(ProductPolicy product, Instant when) {
        List<Hold> standing = new ArrayList<>();
        for (HoldArgument h : holds) {
            standing.add(h.toHold(standing.size() + 1, product.getName(), when));
        }
        return new LedgerSnapshot(product.getName(), List.of(), standing, List.of(), Optional.empty());
    }
}
