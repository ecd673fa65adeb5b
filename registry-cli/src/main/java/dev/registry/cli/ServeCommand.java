package dev.registry.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code registry serve --http PORT [--bind ADDRESS]}: serves the catalog of the bus over HTTP in Consul's
 * shape ({@link CatalogHandler}) until Ctrl-C. Listens on {@code 127.0.0.1} unless {@code --bind} says
 * otherwise ({@code --bind 0.0.0.0} for every interface); {@code --http 0} picks a free port, printed at
 * start. Discovers services as {@code ls} does, and keeps them current from then on.
 */
final class ServeCommand implements Command {

    /** Threads answering HTTP requests: a lookup of an uncached name blocks one for up to the lookup timeout. */
    private static final int HTTP_THREADS = 4;

    @Override
    public int run(Invocation invocation) throws UsageException {
        int port = port(invocation.arguments().value("--http").orElseThrow(() -> new UsageException("serve needs --http PORT")));
        String bind = invocation.arguments().value("--bind").orElse("127.0.0.1");
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

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the accepted range
        }
        throw new UsageException("--http '" + text + "': a port number from 0 (any free port) to 65535");
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
