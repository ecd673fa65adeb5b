package dev.registry.examples;

import com.sun.net.httpserver.HttpServer;
import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole flow in one program: three instances of a {@code greeter} HTTP service register themselves, a
 * client calls them round-robin through the registry, one instance stops and the client moves on, and an
 * observer prints every event as it happens.
 *
 * <pre>
 *   scripts/demo                                 # in-memory bus, nothing to install
 *   scripts/demo --url nats://127.0.0.1:4222     # the same over a real NATS server
 * </pre>
 */
public final class Demo {

    private static final String SERVICE = "greeter";

    private final PrintStream out;
    private final String url;
    private final RegistryOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Demo(PrintStream out, String url) {
        this.out = out;
        this.url = url;
        // Its own main topic, so the demo never mixes with real services on a shared bus.
        this.options = RegistryOptions.builder().mainTopic("registry-demo").lookupTimeout(Duration.ofSeconds(1)).build();
    }

    public static void main(String[] args) {
        String url = "mem://demo";
        for (int i = 0; i < args.length; i++) {
            if ("--url".equals(args[i]) && i + 1 < args.length) {
                url = args[++i];
            } else {
                System.err.println("usage: demo [--url nats://host:4222]");
                System.exit(2);
            }
        }
        new Demo(System.out, url).run();
    }

    void run() {
        out.println("registry demo on " + url);
        List<Instance> instances = new ArrayList<>();
        try (Registry observer = Registry.connect(url, options); Registry client = Registry.connect(url, options)) {
            observer.observe(SERVICE, event -> out.println("  [event] " + event.type() + " " + event.service().address()));
            for (int n = 1; n <= 3; n++) {
                instances.add(Instance.start(n, url, options));
            }
            out.println("client: 6 calls, round-robin through the registry");
            callRoundRobin(client, 6);

            Instance stopped = instances.remove(1);
            out.println("stopping instance " + stopped.number + " (it unregisters)");
            stopped.close();
            awaitInstances(client, 2);

            out.println("client: 4 more calls");
            callRoundRobin(client, 4);
        } finally {
            instances.forEach(Instance::close);
        }
        out.println("done");
    }

    private void callRoundRobin(Registry client, int calls) {
        for (int i = 0; i < calls; i++) {
            Service target = client.getService(SERVICE, Filters.passing(), Filters.loadBalance());
            out.println("  call " + (i + 1) + " -> " + target.address() + ": " + get(target.url()));
        }
    }

    private static void awaitInstances(Registry client, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.getServices(SERVICE).size() != count) {
            if (System.nanoTime() > deadline) {
                throw new ServiceNotFoundException(SERVICE, Duration.ofSeconds(10));
            }
            Thread.onSpinWait();
        }
    }

    private String get(String target) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** One greeter instance: an HTTP server and the registry that announces it. */
    private static final class Instance implements AutoCloseable {
        final int number;
        private final HttpServer server;
        private final Registry registry;

        private Instance(int number, HttpServer server, Registry registry) {
            this.number = number;
            this.server = server;
            this.registry = registry;
        }

        static Instance start(int number, String url, RegistryOptions options) {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] greeting = ("hello from instance " + number).getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, greeting.length);
                exchange.getResponseBody().write(greeting);
                exchange.close();
            });
            server.start();
            String address = "127.0.0.1:" + server.getAddress().getPort();
            Registry registry = Registry.connect(url, options);
            registry.register(Service.builder(SERVICE).address(address).url("http://" + address + "/")
                    .version("1.0." + number).build());
            return new Instance(number, server, registry);
        }

        @Override
        public void close() {
            registry.close();
            server.stop(0);
        }
    }
}
