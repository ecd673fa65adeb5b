package dev.registry.catalog;

import com.sun.net.httpserver.HttpServer;
import dev.registry.Registry;
import dev.registry.catalog.internal.CatalogState;
import dev.registry.catalog.internal.Router;
import dev.registry.catalog.internal.Waiters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a registry's view of its bus over HTTP, for tools that read Consul or Prometheus: Consul's
 * {@code /v1/catalog/services}, {@code /v1/catalog/service/:service}, {@code /v1/catalog/nodes},
 * {@code /v1/health/service/:service}, {@code /v1/agent/self}, {@code /v1/status/leader} (with blocking
 * queries, {@code ?index=&wait=}, and Consul's headers and errors), and Prometheus HTTP service discovery at
 * {@code /v1/prometheus/targets}. Read-only: registering goes through the registry, not through this server.
 *
 * <pre>{@code
 * Registry registry = Registry.connect("nats://127.0.0.1:4222");
 * CatalogServer server = CatalogServer.start(registry, CatalogOptions.builder().port(8500).build());
 * }</pre>
 *
 * <p>It discovers every name on the registry's main topic as {@code registry ls} does ({@link Discovery}) and
 * stays current from the registry's events; a service it holds no instance of yet is looked up when a request
 * names it. It listens on {@code 127.0.0.1} unless {@link CatalogOptions.Builder#bindAddress} says otherwise:
 * there is no authentication.
 *
 * <p>The HTTP server is the JDK's {@code com.sun.net.httpserver}: no dependency to add, and enough for a
 * loopback admin endpoint answering a few clients; blocking queries hold no thread while they wait, so a few
 * threads serve thousands of watching clients. Loading this class sets the system property
 * {@code sun.net.httpserver.nodelay} to {@code true} unless it is set: without it the JDK's server delays every
 * answer by about 40 ms (Nagle's algorithm meeting the client's delayed ACK). The JDK reads it when its first
 * HTTP server starts, so in a JVM that started one before, pass {@code -Dsun.net.httpserver.nodelay=true}.
 *
 * <p>Threading: the server answers on {@link CatalogOptions#threads()} daemon threads named
 * {@code registry-catalog-N}, plus the JDK server's {@code HTTP-Dispatcher} thread, started from one of them so
 * that it is a daemon too; {@link #close()} stops all of them. The registry stays the caller's: closing the
 * server leaves it open, and closing the registry first makes the server answer from its last view.
 */
public final class CatalogServer implements AutoCloseable {

    /** The JDK server's switch for {@code TCP_NODELAY} on its connections; read once, when it first serves. */
    static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK's server leaves Nagle's algorithm on unless this is set before its first use, and it writes an
        // answer's headers and body separately: the body then waits for the client's delayed ACK, about 40 ms per
        // answer, blocking queries' wake-ups included. A -D on the command line wins; the setting is the JVM's.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private final HttpServer http;
    private final Discovery discovery;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CatalogServer(HttpServer http, Discovery discovery, ScheduledThreadPoolExecutor executor) {
        this.http = http;
        this.discovery = discovery;
        this.executor = executor;
    }

    /**
     * Starts serving {@code registry}'s view with the {@linkplain CatalogOptions#defaults() default options}:
     * {@code 127.0.0.1:8500}.
     *
     * @throws UncheckedIOException if the address cannot be listened on (taken, say)
     */
    public static CatalogServer start(Registry registry) {
        return start(registry, CatalogOptions.defaults());
    }

    /**
     * Starts serving {@code registry}'s view as {@code options} say. Returns once the server accepts
     * connections and observes the bus.
     *
     * @param registry the registry whose view is served; it stays open when the server closes
     * @param options where to listen and what to say about itself
     * @return the running server
     * @throws UncheckedIOException if the address cannot be listened on (taken, say)
     * @throws IllegalArgumentException if the bind address cannot be resolved
     */
    public static CatalogServer start(Registry registry, CatalogOptions options) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(options, "options");
        InetSocketAddress bind = new InetSocketAddress(options.bindAddress(), options.port());
        if (bind.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the bind address '" + options.bindAddress() + "'");
        }
        ScheduledThreadPoolExecutor executor = executor(options.threads());
        HttpServer http;
        try {
            http = HttpServer.create(bind, 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + options.bindAddress() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        Waiters waiters = new Waiters(executor);
        CatalogState state = new CatalogState(waiters);
        Discovery discovery = Discovery.start(registry, state);
        http.createContext("/", new Router(registry, state, waiters, options.datacenter(),
                options.nodeName().orElse(registry.options().hostName()), options.bindAddress(),
                http.getAddress().getPort()));
        http.setExecutor(executor);
        CatalogServer server = new CatalogServer(http, discovery, executor);
        try {
            // a thread is a daemon when the thread that creates it is one: so is the JDK's dispatcher, then
            executor.submit(http::start).get();
        } catch (ExecutionException | InterruptedException e) {
            server.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the HTTP server did not start: " + e, e);
        }
        return server;
    }

    /** The address and port listened on; the port is the one picked when the options asked for 0. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The port listened on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The server's base URI, {@code http://127.0.0.1:8500/}, for clients and for messages. */
    public URI uri() {
        String host = http.getAddress().getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /**
     * Stops listening, closes open connections (blocking queries included), stops observing the bus and stops
     * the server's threads; idempotent. The registry stays open.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.stop(0);
            discovery.close();
            executor.shutdownNow();
        }
    }

    private static ScheduledThreadPoolExecutor executor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(threads, task -> {
            Thread thread = new Thread(task, "registry-catalog-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // a blocking query answered early cancels its timeout: drop it now rather than hold it up to 10 minutes
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
