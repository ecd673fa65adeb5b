package dev.registry.examples;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Greeter instances in this JVM, each with a registry of its own as separate processes would have: the
 * demo's fleet on the in-memory bus, where no other process can connect. Thread-safe.
 */
final class InProcessFleet implements GreeterFleet {

    private final String url;
    private final RegistryOptions options;
    private final Map<Integer, Instance> running = new TreeMap<>();

    InProcessFleet(String url, RegistryOptions options) {
        this.url = url;
        this.options = options;
    }

    @Override
    public String where() {
        return "in this JVM";
    }

    @Override
    public String howStopped() {
        return "closing its registry, which unregisters it";
    }

    @Override
    public synchronized void start(int number) {
        Registry registry = Registry.connect(url, options);
        GreeterService service = GreeterService.start(registry, GreeterService.NAME, "instance " + number, 0,
                Duration.ofSeconds(1));
        running.put(number, new Instance(registry, service));
    }

    @Override
    public synchronized void stop(int number) {
        running.remove(number).close();
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
    }

    private record Instance(Registry registry, GreeterService service) implements AutoCloseable {
        @Override
        public void close() {
            service.close();
            registry.close();
        }
    }
}
