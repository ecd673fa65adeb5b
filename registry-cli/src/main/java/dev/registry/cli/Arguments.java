package dev.registry.cli;

import dev.registry.EnvironmentConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command, its positional arguments, and its options, written {@code --name value}
 * or {@code --name=value} (options taking a value) or {@code --name} (flags), before or after the command.
 * Immutable once parsed; used on the main thread only.
 */
final class Arguments {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Arguments() {
    }

    /**
     * Parses {@code args}, knowing which options take a value and which are flags ({@code -h} is
     * {@code --help}).
     *
     * @throws UsageException for an unknown option or a value missing after one
     */
    static Arguments parse(String[] args, Set<String> valued, Set<String> flags) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i].equals("-h") ? "--help" : args[i];
            if (!arg.startsWith("-") || arg.equals("-")) {
                parsed.positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (valued.contains(name)) {
                if (equals < 0 && i + 1 == args.length) {
                    throw new UsageException(name + " needs a value");
                }
                parsed.add(name, equals < 0 ? args[++i] : arg.substring(equals + 1));
            } else if (flags.contains(name) && equals < 0) {
                parsed.add(name, "");
            } else {
                throw new UsageException(flags.contains(name) ? name + " takes no value" : "unknown option " + name);
            }
        }
        return parsed;
    }

    /** The first positional argument, the command; empty when there is none. */
    Optional<String> command() {
        return positionals.isEmpty() ? Optional.empty() : Optional.of(positionals.get(0));
    }

    /** The positional arguments after the command. */
    List<String> operands() {
        return positionals.isEmpty() ? List.of() : positionals.subList(1, positionals.size());
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** The option's last value (a later one overrides an earlier one, as in most tools). */
    Optional<String> value(String option) {
        List<String> given = values.get(option);
        return given == null ? Optional.empty() : Optional.of(given.get(given.size() - 1));
    }

    /**
     * The option's duration, written as the {@code REGISTRY_*} variables write them ({@code 500ms}, {@code 2s},
     * {@code PT2S}).
     *
     * @throws UsageException naming the option and the value when it is not a positive duration
     */
    Optional<Duration> duration(String option) throws UsageException {
        Optional<String> text = value(option);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration duration;
        try {
            duration = EnvironmentConfig.parseDuration(text.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + text.get() + "': " + e.getMessage(), e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new UsageException(option + " '" + text.get() + "': must be more than 0");
        }
        return Optional.of(duration);
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(String option) {
        return values.getOrDefault(option, List.of());
    }

    /**
     * Checks that {@code command} got between {@code min} and {@code max} operands and no option outside
     * {@code allowed}.
     */
    void check(String command, int min, int max, Set<String> allowed) throws UsageException {
        for (String option : values.keySet()) {
            if (!allowed.contains(option)) {
                throw new UsageException(command + " does not take " + option);
            }
        }
        int count = operands().size();
        if (count < min) {
            throw new UsageException(command + " needs " + (min == 1 ? "an argument" : min + " arguments"));
        }
        if (count > max) {
            throw new UsageException(command + " takes at most " + max + " argument" + (max == 1 ? "" : "s")
                    + ", but got " + count + ": " + String.join(" ", operands()));
        }
    }

    private void add(String option, String value) {
        values.computeIfAbsent(option, o -> new ArrayList<>()).add(value);
    }
}
