package dev.registry.cli;

import dev.registry.Registry;
import dev.registry.RegistryException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code registry} tool: parses the command line, connects to the bus, runs the command, and turns every
 * failure into a one-line message on stderr and an exit status (see {@link Command}) instead of a stack trace.
 * Used once, on the main thread.
 */
final class Cli {

    private static final Set<String> VALUED = Set.of("--url", "--prefix", "--timeout", "--wait", "--filter", "--kv",
            "--version", "--service-url", "--host", "--network", "--status", "--http", "--bind");
    private static final Set<String> FLAGS = Set.of("--json", "--verbose", "--help");
    private static final Set<String> GLOBAL = Set.of("--url", "--prefix", "--timeout", "--verbose", "--help");

    /**
     * What a command accepts: how many operands, which options besides the global ones, and what it runs; the
     * synopsis is printed when it is called wrongly.
     */
    private record Spec(String synopsis, int minOperands, int maxOperands, Set<String> options, Command command) {
    }

    private static final Map<String, Spec> COMMANDS = Map.of(
            "ls", new Spec("ls [--wait DURATION] [--json]", 0, 0, Set.of("--wait", "--json"), new ListCommand()),
            "watch", new Spec("watch [NAME] [--json]", 0, 1, Set.of("--json"), new WatchCommand()),
            "get", new Spec("get NAME [--filter lb|local|passing]... [--json]", 1, 1, Set.of("--filter", "--json"),
                    new GetCommand()),
            "register", new Spec("register NAME ADDRESS [--kv KEY=VALUE]... [--version V] [--service-url URL]"
                    + " [--host H] [--network N] [--status passing|warning|critical]", 2, 2,
                    Set.of("--kv", "--version", "--service-url", "--host", "--network", "--status"), new RegisterCommand()),
            "ping", new Spec("ping NAME", 1, 1, Set.of(), new PingCommand()),
            "serve", new Spec("serve --http PORT [--bind ADDRESS]", 0, 0, Set.of("--http", "--bind"), new ServeCommand()));

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Runs the command {@code args} name; returns the exit status. */
    int run(String[] args) {
        if (args.length == 0) {
            err.print(Usage.TEXT);
            return Command.USAGE;
        }
        Arguments arguments;
        Spec spec = null;
        Bus bus;
        try {
            arguments = Arguments.parse(args, VALUED, FLAGS);
            String name = arguments.command().orElse("help");
            if (arguments.has("--help") || name.equals("help")) {
                out.print(Usage.TEXT);
                return Command.OK;
            }
            spec = COMMANDS.get(name);
            if (spec == null) {
                throw new UsageException("unknown command '" + name + "'; the commands are " + String.join(", ",
                        new TreeSet<>(COMMANDS.keySet())));
            }
            Set<String> allowed = new HashSet<>(GLOBAL);
            allowed.addAll(spec.options());
            arguments.check(name, spec.minOperands(), spec.maxOperands(), allowed);
            bus = Bus.configure(environment, arguments);
        } catch (UsageException e) {
            return usageError(e.getMessage(), spec);
        }
        try (Registry registry = bus.connect()) {
            return spec.command().run(new Invocation(registry, bus, arguments, out, err));
        } catch (UsageException | IllegalArgumentException e) {
            return usageError(e.getMessage(), spec);
        } catch (RegistryException | UncheckedIOException | IllegalStateException e) {
            err.println("registry: " + e.getMessage());
            if (arguments.has("--verbose")) {
                e.printStackTrace(err);
            }
            return Command.FAILED;
        }
    }

    /** Prints {@code message} and the command's synopsis (or where to find the usage when the command is unknown). */
    private int usageError(String message, Spec spec) {
        err.println("registry: " + message);
        err.println(spec == null ? "run 'registry help' for usage" : "usage: registry " + spec.synopsis());
        return Command.USAGE;
    }
}
