package dev.registry.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Example: an HTTP service (the JDK's {@code HttpServer}) that registers itself, reports its health through
 * the registry, and unregisters when it stops, SIGTERM included.
 *
 * <pre>
 *   REGISTRY_URL=nats://127.0.0.1:4222 java -cp registry-examples.jar dev.registry.examples.GreeterService --port 8080
 * </pre>
 *
 * Endpoints: {@code GET /hello} answers {@code hello from <id>}; {@code GET /health} answers the status
 * (HTTP 503 when critical); {@code POST /maintenance} puts the instance in maintenance (critical, so clients
 * that filter on passing leave it alone) and {@code DELETE /maintenance} ends it. The health check runs every
 * {@code checkPeriod} and at once on a maintenance change; the registry republishes only a changed status.
 *
 * <p>Threads: the HTTP server's dispatcher thread, one daemon thread for the health check, and the
 * registry's. {@link #close()} is idempotent and thread-safe.
 */
public final class GreeterService implements AutoCloseable {

    /** The service name the examples use. */
    public static final String NAME = "greeter";

    private static final String USAGE = "GreeterService [--name greeter] [--id TEXT (default: pid N)] [--port 0]"
            + " (the bus and options come from REGISTRY_URL and the other REGISTRY_* variables)";

    private final HttpServer server;
    private final HealthCheck health = new HealthCheck();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "greeter-health");
        thread.setDaemon(true);
        return thread;
    });
    private final Registration registration;

    private GreeterService(HttpServer server, Registration registration) {
        this.server = server;
        this.registration = registration;
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
        // The socket is bound, so a client that finds the instance from now on is queued until start() below.
        Registration registration = registry.register(Service.builder(name).address(address)
                .url("http://" + address + "/").version("1.0.0").kv("id", id).build());
        GreeterService service = new GreeterService(server, registration);
        byte[] greeting = ("hello from " + id).getBytes(StandardCharsets.UTF_8);
        server.createContext("/hello", exchange -> respond(exchange, 200, greeting));
        server.createContext("/health", service::health);
        server.createContext("/maintenance", service::maintenance);
        server.start();
        long period = checkPeriod.toMillis();
        service.checks.scheduleWithFixedDelay(service::check, period, period, TimeUnit.MILLISECONDS);
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
        checks.shutdownNow();
        registration.unregister();
        server.stop(0);
    }

    /** Runs the greeter on the bus the environment names until the process is stopped (Ctrl-C, SIGTERM). */
    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, USAGE, Set.of("--name", "--id", "--port"));
        Registry registry = Registry.connect();
        GreeterService service = start(registry, options.get("--name", NAME), options.get("--id", "pid " + ProcessHandle.current().pid()),
                options.getInt("--port", 0), Duration.ofSeconds(1));
        // The registry's own shutdown hook (unregisterOnShutdown, on by default) also unregisters on SIGTERM;
        // this hook adds the order that matters to clients: leave the registry, then stop serving.
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "greeter-shutdown"));
        System.out.println("serving " + service.service().url() + " as '" + service.service().name() + "' on "
                + registry.options().mainTopic() + "; stop with Ctrl-C or SIGTERM (it unregisters)");
    }

    private void check() {
        try {
            registration.setStatus(health.get());
        } catch (IllegalStateException unregistered) {
            // close() ran between the schedule and this check: nothing left to report to
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        Status status = registration.status();
        respond(exchange, status == Status.CRITICAL ? 503 : 200, status.wireName().getBytes(StandardCharsets.UTF_8));
    }

    private void maintenance(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "POST" -> health.maintenance(true);
            case "DELETE" -> health.maintenance(false);
            default -> {
                respond(exchange, 405, "POST or DELETE".getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        check();
        respond(exchange, 200, registration.status().wireName().getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int code, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
