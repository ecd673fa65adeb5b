package dev.registry.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registry serve --http PORT [--bind ADDRESS]}: serves the catalog of the bus over HTTP in Consul's
 * shape ({@link CatalogHandler}) until Ctrl-C. Listens on {@code 127.0.0.1} unless {@code --bind} says
 * otherwise ({@code --bind 0.0.0.0} for every interface); {@code --http 0} picks a free port, printed at
 * start. Discovers services as {@code ls} does, and keeps them current from then on.
 */
@Command(name = "serve", description = {
        "Serves the catalog over HTTP in Consul's shape until Ctrl-C: GET /v1/catalog/service/NAME,"
                + " /v1/catalog/service/* (every instance), /v1/catalog/services (every name)."})
final class ServeCommand extends BusCommand {

    /** Threads answering HTTP requests: a lookup of an uncached name blocks one for up to the lookup timeout. */
    private static final int HTTP_THREADS = 4;

    @Option(names = "--http", paramLabel = "PORT", required = true, converter = PortNumber.class,
            description = "the port to listen on; 0 picks a free one, printed at start")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on, 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
    private String bind;

    @Override
    int run(Invocation invocation) {
        Discovery discovery = Discovery.start(invocation.registry(), event -> { });
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/v1/catalog/", new CatalogHandler(invocation.registry(), discovery));
        server.setExecutor(httpThreads());
        server.start();
        invocation.out().println("serving the catalog of " + invocation.bus() + " on http://" + bind + ":"
                + server.getAddress().getPort() + CatalogHandler.SERVICE_PATH + "<name>; Ctrl-C to stop");
        return invocation.untilStopped();
    }

    private static ExecutorService httpThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(HTTP_THREADS, task -> {
            Thread thread = new Thread(task, "registry-cli-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
