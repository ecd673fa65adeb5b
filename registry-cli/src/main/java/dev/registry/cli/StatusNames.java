package dev.registry.cli;

import dev.registry.Status;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The statuses as the wire and the command line write them ({@code passing}, {@code warning},
 * {@code critical}): reads {@code --status} and offers the names to completion. Picocli's enum support would
 * offer {@link Status}'s constant names, in upper case. Stateless.
 */
final class StatusNames implements ITypeConverter<Status>, Iterable<String> {

    /**
     * @throws TypeConversionException listing the names; {@link UsageErrors} puts the option and the text in
     *         front
     */
    @Override
    public Status convert(String text) {
        for (Status status : Status.values()) {
            if (nameOf(status).equals(text.toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new TypeConversionException("use passing, warning, critical or draining");
    }

    /** The names, for completion and for the option's description ({@code ${COMPLETION-CANDIDATES}}). */
    @Override
    public Iterator<String> iterator() {
        return Stream.of(Status.values()).map(StatusNames::nameOf).iterator();
    }

    /** A status as written on the command line: its name in lower case (draining is "critical" on the wire). */
    private static String nameOf(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
