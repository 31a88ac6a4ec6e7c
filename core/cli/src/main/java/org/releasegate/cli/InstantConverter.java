package org.releasegate.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --at} and {@code --from}: an instant with its offset, never a bare local time, because a release
 * window's answer depends on which 10:00 is meant.
 */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("cannot read the time \"" + value + "\": write an ISO-8601 instant such "
                    + "as 2026-11-26T15:00:00Z, or a date-time with its offset such as 2026-11-26T10:00:00-05:00");
        }
    }
}
