package dev.registry.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.registry.HealthCheck;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Example: an HTTP service (the JDK's {@code HttpServer}) that registers itself, reports its health through
 * the registry, and unregisters when it stops, SIGTERM included.
 *
 * <pre>
 *   REGISTRY_URL=nats://127.0.0.1:4222 java -cp registry-examples.jar dev.registry.examples.GreeterService --port 8080
 * </pre>
 *
 * Endpoints: {@code GET /hello} answers {@code hello from <id>}; {@code GET /health} answers the status
 * (HTTP 503 when critical); {@code POST /maintenance} puts the instance in maintenance and
 * {@code DELETE /maintenance} ends it. The registry runs the instance's health check ({@link HealthCheck})
 * every {@code checkPeriod}: critical in maintenance (clients that filter on passing leave the instance alone),
 * warning when the heap is nearly full, passing otherwise; a changed status is published at once, and a
 * maintenance change is reported at once too, without waiting for the next check.
 *
 * <p>Threads: the HTTP server's dispatcher thread and the registry's (the check runs on its health pool).
 * {@link #close()} is idempotent and thread-safe.
 */
public final class GreeterService implements AutoCloseable {

    /** The service name the examples use. */
    public static final String NAME = "greeter";

    private static final String USAGE = "GreeterService [--name greeter] [--id TEXT (default: pid N)] [--port 0]"
            + " (the bus and options come from REGISTRY_URL and the other REGISTRY_* variables)";

    /** Heap use above this share of the maximum reports a warning. */
    private static final double HEAP_WARNING = 0.9;

    private final HttpServer server;
    private volatile boolean maintenance;
    private volatile Registration registration;

    private GreeterService(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves on {@code 127.0.0.1:port} (0: any free port), then registers the instance as {@code name} on
     * {@code registry}, with its URL and version.
     *
     * @param id what {@code /hello} says this instance is
     */
    public static GreeterService start(Registry registry, String name, String id, int port, Duration checkPeriod) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        String address = "127.0.0.1:" + server.getAddress().getPort();
        GreeterService service = new GreeterService(server);
        // The socket is bound, so a client that finds the instance from now on is queued until start() below.
        service.registration = registry.register(Service.builder(name).address(address).url("http://" + address + "/")
                .version("1.0.0").kv("id", id).build(), HealthCheck.of(service::health).interval(checkPeriod).build());
        byte[] greeting = ("hello from " + id).getBytes(StandardCharsets.UTF_8);
        server.createContext("/hello", exchange -> respond(exchange, 200, greeting));
        server.createContext("/health", service::healthEndpoint);
        server.createContext("/maintenance", service::maintenance);
        server.start();
        return service;
    }

    /** The instance as announced. */
    public Service service() {
        return registration.service();
    }

    /**
     * Stops the instance: unregisters it first, so clients stop choosing it, then stops serving. A call that
     * was still on its way fails, and a client that retries (as {@link GreeterClient} does) moves on to another
     * instance. The server stops at once because JDK 17's {@code HttpServer.stop(delay)} waits the whole delay
     * even when no exchange is in progress.
     */
    @Override
    public void close() {
        registration.unregister();
        server.stop(0);
    }

    /**
     * Stops the instance without a failed call: drains it for {@code period} (announced as draining, so clients
     * stop choosing it, while it still serves the calls on their way), then stops serving once it is
     * unregistered.
     *
     * @return completes when the server has stopped
     */
    public CompletableFuture<Void> drainAndClose(Duration period) {
        return registration.drain(period).thenRun(() -> server.stop(0));
    }

    /** Runs the greeter on the bus the environment names until the process is stopped (Ctrl-C, SIGTERM). */
    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, USAGE, Set.of("--name", "--id", "--port"));
        Registry registry = Registry.connect();
        GreeterService service = start(registry, options.get("--name", NAME),
                options.get("--id", "pid " + ProcessHandle.current().pid()), options.getInt("--port", 0), Duration.ofSeconds(1));
        // On SIGTERM the registry's own shutdown hook (unregisterOnShutdown, on by default) closes it, which
        // unregisters the instance. This hook adds the order that matters to clients: leave the registry, then
        // stop serving. It closes the registry rather than only the registration, so that whichever hook runs
        // first unregisters and only then closes the connection.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            service.close();
        }, "greeter-shutdown"));
        System.out.println("serving " + service.service().url() + " as '" + service.service().name() + "' on "
                + registry.options().mainTopic() + "; stop with Ctrl-C or SIGTERM (it unregisters)");
    }

    /** The health check: what this instance reports to the registry. */
    private Status health() {
        if (maintenance) {
            return Status.CRITICAL;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getMax() > 0 && heap.getUsed() > HEAP_WARNING * heap.getMax() ? Status.WARNING : Status.PASSING;
    }

    private void healthEndpoint(HttpExchange exchange) throws IOException {
        Status status = registration.status();
        respond(exchange, status == Status.CRITICAL ? 503 : 200, status.wireName().getBytes(StandardCharsets.UTF_8));
    }

    private void maintenance(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "POST" -> maintenance = true;
            case "DELETE" -> maintenance = false;
            default -> {
                respond(exchange, 405, "POST or DELETE".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        // Report the change now; the next run of the check reports the same.
        registration.setStatus(health());
        respond(exchange, 200, registration.status().wireName().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int code, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
