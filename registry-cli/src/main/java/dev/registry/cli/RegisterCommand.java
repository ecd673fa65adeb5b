package dev.registry.cli;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import java.util.Locale;

/**
 * {@code registry register NAME ADDRESS [--kv KEY=VALUE]... [--version V] [--service-url URL] [--host H]
 * [--network N] [--status S]}: registers an instance (for a service that cannot register itself, or to try
 * the registry out) and keeps it registered, with heartbeats, until Ctrl-C or SIGTERM; then unregisters it,
 * so observers see {@code UNREGISTERED} at once.
 */
final class RegisterCommand implements Command {

    @Override
    public int run(Invocation invocation) throws UsageException {
        Arguments arguments = invocation.arguments();
        Service.Builder builder = Service.builder(arguments.operands().get(0)).address(arguments.operands().get(1));
        for (String entry : arguments.values("--kv")) {
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new UsageException("--kv '" + entry + "': write it as KEY=VALUE");
            }
            builder.kv(entry.substring(0, equals), entry.substring(equals + 1));
        }
        arguments.value("--version").ifPresent(builder::version);
        arguments.value("--service-url").ifPresent(builder::url);
        arguments.value("--host").ifPresent(builder::host);
        arguments.value("--network").ifPresent(builder::network);
        if (arguments.has("--status")) {
            builder.status(status(arguments.value("--status").orElseThrow()));
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

    private static Status status(String text) throws UsageException {
        for (Status status : Status.values()) {
            if (status.wireName().equals(text.toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        throw new UsageException("--status '" + text + "': use passing, warning or critical");
    }

    private static String describe(Service service) {
        return service.name() + " " + service.address();
    }
}
