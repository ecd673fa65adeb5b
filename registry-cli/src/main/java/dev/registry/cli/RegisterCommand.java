package dev.registry.cli;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code registry register NAME ADDRESS [--kv KEY=VALUE]... [--version V] [--service-url URL] [--host H]
 * [--network N] [--status S]}: registers an instance (for a service that cannot register itself, or to try
 * the registry out) and keeps it registered, with heartbeats, until Ctrl-C or SIGTERM; then unregisters it,
 * so observers see {@code UNREGISTERED} at once.
 */
@Command(name = "register", description = "Registers an instance and keeps it registered, with heartbeats, until"
        + " Ctrl-C or SIGTERM, then unregisters it.")
final class RegisterCommand extends BusCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "the service")
    private String name;

    @Parameters(index = "1", paramLabel = "ADDRESS", description = "the instance's address, e.g. 127.0.0.1:8080")
    private String address;

    // Kept in the order given; picocli splits each entry at its first '=', so a value may hold '='.
    @Option(names = "--kv", paramLabel = "KEY=VALUE", description = "metadata, repeatable (--kv zone=eu --kv team=a)")
    private Map<String, String> kv = new LinkedHashMap<>();

    @Option(names = "--version", paramLabel = "V", description = "the instance's version")
    private String version;

    @Option(names = "--service-url", paramLabel = "URL", description = "the instance's URL")
    private String url;

    @Option(names = "--host", paramLabel = "H", description = "its host (default: $REGISTRY_HOST_NAME, else this machine's name)")
    private String host;

    @Option(names = "--network", paramLabel = "N", description = "its network")
    private String network;

    @Option(names = "--status", paramLabel = "S", converter = StatusNames.class, completionCandidates = StatusNames.class,
            description = "${COMPLETION-CANDIDATES} (default: passing)")
    private Status status;

    @Override
    int run(Invocation invocation) {
        Service.Builder builder = Service.builder(name).address(address);
        kv.forEach(builder::kv);
        if (version != null) {
            builder.version(version);
        }
        if (url != null) {
            builder.url(url);
        }
        if (host != null) {
            builder.host(host);
        }
        if (network != null) {
            builder.network(network);
        }
        if (status != null) {
            builder.status(status);
        }
        Registry registry = invocation.registry();
        Registration registration = registry.register(builder.build());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            invocation.err().println("unregistered " + describe(registration.service()));
        }, "registry-cli-unregister"));
        invocation.out().println("registered " + describe(registration.service()) + " on " + invocation.bus()
                + "; Ctrl-C to unregister");
        return invocation.untilStopped();
    }

    private static String describe(Service service) {
        return service.name() + " " + service.address();
    }
}
