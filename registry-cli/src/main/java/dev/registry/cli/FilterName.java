package dev.registry.cli;

import dev.registry.Filter;
import dev.registry.Filters;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A filter {@code get --filter} applies, as written on the command line: {@code lb}, {@code local},
 * {@code passing}, {@code weighted}, {@code version:RANGE} or {@code sticky:KEY}.
 *
 * @param kind     the filter's name
 * @param argument what follows the colon of {@code version:} and {@code sticky:}, empty for the others
 */
record FilterName(String kind, String argument) {

    /** The filters that take no argument. */
    static final List<String> PLAIN = List.of("lb", "local", "passing", "weighted");

    /**
     * The library's filter.
     *
     * @throws IllegalArgumentException for a version range that is not understood (the message names it)
     */
    Filter filter() {
        return switch (kind) {
            case "lb" -> Filters.loadBalance();
            case "local" -> Filters.localhost();
            case "passing" -> Filters.passing();
            case "weighted" -> Filters.weighted();
            case "version" -> Filters.version(argument);
            case "sticky" -> Filters.sticky(argument);
            default -> throw new IllegalStateException("unknown filter " + kind);
        };
    }

    /** The filter as written on the command line. */
    @Override
    public String toString() {
        return argument.isEmpty() ? kind : kind + ":" + argument;
    }

    /** Reads a filter as written, saying which forms exist when it is none of them. */
    static final class Converter implements ITypeConverter<FilterName> {

        /**
         * @throws TypeConversionException listing the forms; {@link UsageErrors} puts the option and the text
         *         in front
         */
        @Override
        public FilterName convert(String text) {
            String written = text.strip();
            if (PLAIN.contains(written)) {
                return new FilterName(written, "");
            }
            int colon = written.indexOf(':');
            String kind = colon < 0 ? written : written.substring(0, colon);
            if ((kind.equals("version") || kind.equals("sticky")) && colon > 0 && colon < written.length() - 1) {
                FilterName filter = new FilterName(kind, written.substring(colon + 1));
                if (kind.equals("version")) {
                    try {
                        filter.filter();
                    } catch (IllegalArgumentException invalid) {
                        throw new TypeConversionException(invalid.getMessage());
                    }
                }
                return filter;
            }
            throw new TypeConversionException("use lb, local, passing, weighted, version:RANGE or sticky:KEY");
        }
    }

    /** What completion offers: the plain names and the two prefixes. */
    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("lb", "local", "passing", "weighted", "version:", "sticky:").iterator();
        }
    }
}
