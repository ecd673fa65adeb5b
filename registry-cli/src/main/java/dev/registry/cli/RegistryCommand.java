package dev.registry.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code registry} command: the options every command shares, which pick the bus and the log. They are
 * inherited by each subcommand, so that they may go before or after the command's name (picocli then sets
 * them here either way). Run without a command, it prints the usage on stderr and fails.
 */
@Command(name = "registry",
        description = "Lists, watches, looks up, registers and pings the services on a registry bus, and serves its"
                + " catalog over HTTP in Consul's shape.",
        subcommands = {ListCommand.class, WatchCommand.class, GetCommand.class, RegisterCommand.class,
                PingCommand.class, ServeCommand.class, HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {
                "The other REGISTRY_* variables (REGISTRY_REGISTER_INTERVAL, REGISTRY_HOST_NAME, REGISTRY_SIGNING_KEY,"
                        + " ...) apply as Registry.connect() reads them. Durations: 500ms, 2s, 1m30s or PT2S.",
                "Exit status: 0 done, 1 nothing found or the bus cannot be reached, 2 wrong arguments or environment.",
                "'registry COMMAND --help' tells more of a command; 'source <(registry generate-completion)' completes"
                        + " commands and options in bash."})
final class RegistryCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "the bus: nats://, tls://, redis://, rediss://, redis-sentinel://, redis-cluster://"
                    + " (default: $REGISTRY_URL, else nats://127.0.0.1:4222)")
    private String url;

    @Option(names = "--prefix", paramLabel = "PREFIX", scope = ScopeType.INHERIT,
            description = "the main topic, one per tenant (default: $REGISTRY_PREFIX, else registry)")
    private String prefix;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, converter = PositiveDuration.class,
            description = "how long a lookup or a ping waits for answers (default: $REGISTRY_LOOKUP_TIMEOUT, else 500ms)")
    private Duration timeout;

    // Read by Main before parsing, to set the log level before the first logger exists; here to be accepted.
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "the library's log on stderr from level info, and a failure's stack trace"
                    + " (default: warnings only)")
    private boolean verbose;

    // Not inherited: picocli's help and generate-completion commands bring their own --help.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    RegistryCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** No command given: the usage, on stderr as for every wrong command line, and the status of one. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /**
     * The bus the environment and the shared options describe.
     *
     * @throws IllegalArgumentException naming the variable or option whose value is invalid
     */
    Bus bus() {
        return Bus.configure(environment, url, prefix, timeout);
    }

    /** Whether a failure shows its stack trace too. */
    boolean verbose() {
        return verbose;
    }
}
