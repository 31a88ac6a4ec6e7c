package org.releasegate.cli;

import java.time.Instant;
import java.util.Optional;
import org.releasegate.hold.Hold;
import org.releasegate.people.Person;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A hold typed as {@code --hold "alice: waiting for the DB migration"}, to ask what the gate would say while it stands.
 *
 * @param author the Jenkins user id of who placed it
 * @param reason why, in their words
 */
record HoldArgument(String author, String reason) {
    /** A hold on the product, placed at the instant asked about, that does not expire. */
    Hold toHold(int number, String product, Instant at) {
        return new Hold("cli-" + number, Optional.of(product), Person.user(author), reason, at, Optional.empty());
    }

    /** Splits at the first colon: a reason may have colons of its own, a user id does not. */
    static final class Converter implements ITypeConverter<HoldArgument> {
        @Override
        public HoldArgument convert(String value) {
            String[] parts = value.split(":", 2);
            String author = parts[0].trim();
            String reason = parts.length == 2 ? parts[1].trim() : "";
            if (author.isEmpty() || reason.isEmpty()) {
                throw new TypeConversionException("cannot read the hold \"" + value + "\": write author: reason, "
                        + "such as \"alice: waiting for the DB migration\"");
            }
            return new HoldArgument(author, reason);
        }
    }
}
