package dev.registry.cli;

import dev.registry.Filter;
import dev.registry.Filters;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The filters {@code get --filter} applies, by the names written on the command line (lower case, which
 * {@link #toString()} gives so that picocli's completion offers them as written).
 */
enum FilterName {

    /** Round-robin: one instance, another at each lookup of the same registry. */
    LB,
    /** The instances on this host ({@code REGISTRY_HOST_NAME} or this machine's name). */
    LOCAL,
    /** The instances whose status is passing. */
    PASSING;

    /**
     * The library's filter.
     *
     * @param hostName this host's name, as the registry's options give it, for {@link #LOCAL}
     * @return the filter
     */
    Filter filter(String hostName) {
        return switch (this) {
            case LB -> Filters.loadBalance();
            case LOCAL -> Filters.sameHost(hostName);
            case PASSING -> Filters.passing();
        };
    }

    /** The name as written on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a filter name. Picocli's enum conversion would list the accepted names in upper and lower case
     * in its message; this one gives them as they are written.
     */
    static final class Converter implements ITypeConverter<FilterName> {

        /**
         * @throws TypeConversionException listing the names; {@link UsageErrors} puts the option and the text
         *         in front
         */
        @Override
        public FilterName convert(String text) {
            for (FilterName name : values()) {
                if (name.toString().equals(text.strip())) {
                    return name;
                }
            }
            throw new TypeConversionException("use lb, local or passing");
        }
    }
}
