package dev.registry.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --option value} arguments of an example's {@code main}: just enough parsing to keep the examples
 * about the registry. An unknown option or a missing value prints the usage and exits with status 2, as a
 * shell user expects. Not thread-safe; used once, in {@code main}.
 */
final class ExampleArgs {

    private final Map<String, String> values = new HashMap<>();

    private ExampleArgs() {
    }

    /** Parses {@code args}, accepting only {@code options} (each written with its leading {@code --}). */
    static ExampleArgs parse(String[] args, String usage, Set<String> options) {
        ExampleArgs parsed = new ExampleArgs();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: " + usage);
                System.exit(0);
            }
            if (!options.contains(args[i]) || i + 1 == args.length) {
                System.err.println((options.contains(args[i]) ? "missing value after " : "unknown argument: ") + args[i]);
                System.err.println("usage: " + usage);
                System.exit(2);
            }
            parsed.values.put(args[i], args[++i]);
        }
        return parsed;
    }

    String get(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    int getInt(String option, int fallback) {
        String value = values.get(option);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            System.err.println(option + " must be a whole number, but was '" + value + "'");
            System.exit(2);
            throw new IllegalStateException("unreachable: System.exit returned", e);
        }
    }
}
