package org.releasegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.releasegate.calendar.CalendarEvent;
import org.releasegate.calendar.CalendarRange;
import org.releasegate.calendar.CalendarWriter;
import org.releasegate.calendar.ReleaseCalendar;
import org.releasegate.policy.ProductPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code release-gate calendar}: the product's production windows as an iCalendar file. */
@Command(name = "calendar", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes an iCalendar file (RFC 5545) of the production windows between two dates: one event "
                + "for each open stretch (freezes cut out, the runway's cut-off in its description) and an all-day "
                + "event for each freeze, in the product's time zone.",
            "Without --product, every product of the policy, each event's summary naming its product."},
        footer = {"", "Exit code 0: written; 2: bad input."})
final class CalendarCommand implements Callable<Integer> {
    @ParentCommand
    private ReleaseGateCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PolicyOptions policy;

    @Option(names = "--from", paramLabel = "DATE", required = true, converter = DateConverter.class,
            description = "The first day, such as 2026-12-01 (in each product's time zone).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", required = true, converter = DateConverter.class,
            description = "The last day, included; at most 5 years after --from.")
    private LocalDate to;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write the file (default: standard output).")
    private Path output;

    @Override
    public Integer call() throws IOException {
        CalendarRange range = new CalendarRange(from, to);
        List<ProductPolicy> products = policy.products();
        List<CalendarEvent> events = new ArrayList<>();
        for (ProductPolicy p : products) {
            events.addAll(ReleaseCalendar.events(p, range));
        }
        String name = (products.size() == 1 ? products.get(0).getName() : "Release Gate") + " production windows";
        Instant stamp = parent.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        String ics = CalendarWriter.load().write(name, events, stamp);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ics);
            out.flush();
        } else {
            Files.writeString(output, ics, StandardCharsets.UTF_8);
        }
        return ReleaseGateCommand.OK;
    }

    /** A date as ISO-8601 writes it, with the fix in the message. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: write it as YYYY-MM-DD, such as "
                        + "2026-12-01");
            }
        }
    }
}
