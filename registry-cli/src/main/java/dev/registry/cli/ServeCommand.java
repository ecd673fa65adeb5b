package dev.registry.cli;

import dev.registry.catalog.CatalogOptions;
import dev.registry.catalog.CatalogServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registry serve --http PORT [--bind ADDRESS]}: runs registry-catalog's {@link CatalogServer} on the bus
 * until Ctrl-C: Consul's catalog, health, agent and status API with blocking queries, and Prometheus HTTP service
 * discovery. Listens on {@code 127.0.0.1} unless {@code --bind} says otherwise ({@code --bind 0.0.0.0} for every
 * interface); {@code --http 0} picks a free port, printed at start. Discovers services as {@code ls} does, and
 * keeps them current from then on.
 */
@Command(name = "serve", description = {
        "Serves the catalog over HTTP until Ctrl-C, as Consul's HTTP API (GET /v1/catalog/services,"
                + " /v1/catalog/service/NAME, /v1/catalog/service/* for every instance, /v1/catalog/nodes,"
                + " /v1/health/service/NAME?passing, /v1/agent/self, /v1/status/leader; blocking queries with"
                + " ?index=&wait=) and as Prometheus HTTP service discovery (/v1/prometheus/targets)."})
final class ServeCommand extends BusCommand {

    @Option(names = "--http", paramLabel = "PORT", required = true, converter = PortNumber.class,
            description = "the port to listen on; 0 picks a free one, printed at start")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = CatalogOptions.DEFAULT_BIND_ADDRESS,
            description = "the address to listen on, 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    private String bind;

    @Override
    int run(Invocation invocation) {
        try (CatalogServer server = CatalogServer.start(invocation.registry(),
                CatalogOptions.builder().bindAddress(bind).port(port).build())) {
            String base = server.uri().toString();
            invocation.out().println("serving the catalog of " + invocation.bus() + " on " + base
                    + "v1/catalog/service/<name> (Consul's HTTP API at " + base + ", Prometheus HTTP SD at " + base
                    + "v1/prometheus/targets); Ctrl-C to stop");
            return invocation.untilStopped();
        }
    }
}
