package dev.registry.examples;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.Service;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Example: a client that finds its server through the registry, spreads its calls over the passing
 * instances round-robin, and when a call fails (no connection, timeout, HTTP 5xx) retries it on another
 * instance, up to {@code maxAttempts} different ones.
 *
 * <pre>
 *   REGISTRY_URL=nats://127.0.0.1:4222 java -cp registry-examples.jar dev.registry.examples.GreeterClient --calls 5
 * </pre>
 *
 * Thread-safe: calls may run concurrently (the registry's round robin is shared and lock-free).
 */
public final class GreeterClient {

    private static final String USAGE = "GreeterClient [--name greeter] [--calls 5] [--path /hello]"
            + " (the bus and options come from REGISTRY_URL and the other REGISTRY_* variables)";

    private final Registry registry;
    private final String name;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A client of the instances of {@code name} on {@code registry}; a call tries at most {@code maxAttempts} of them. */
    public GreeterClient(Registry registry, String name, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, but was " + maxAttempts);
        }
        this.registry = registry;
        this.name = name;
        this.maxAttempts = maxAttempts;
    }

    /** What a call got: the instance that answered, its answer, and how many instances were tried. */
    public record Reply(Service instance, String body, int attempts) {
    }

    /**
     * GET {@code path} on the next passing instance; on failure, on the next one not tried yet.
     *
     * @throws IOException naming every instance tried and why it failed, when none answered
     */
    public Reply get(String path) throws IOException {
        Map<String, String> failures = new LinkedHashMap<>();
        while (failures.size() < maxAttempts) {
            // Excluding the instances that failed before load-balancing makes the retry go to another one.
            Optional<Service> next = registry.findService(name, Filters.passing(),
                    Filters.where(instance -> !failures.containsKey(instance.address())), Filters.loadBalance());
            if (next.isEmpty()) {
                break;
            }
            Service instance = next.get();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(baseUrl(instance).resolve(path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return new Reply(instance, response.body(), failures.size() + 1);
                }
                failures.put(instance.address(), "HTTP " + response.statusCode());
            } catch (IOException e) {
                failures.put(instance.address(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while calling " + instance.address(), e);
            }
        }
        throw new IOException(failures.isEmpty() ? "no passing instance of '" + name + "' was found"
                : "no instance of '" + name + "' answered; tried " + failures.entrySet().stream()
                .map(failure -> failure.getKey() + " (" + failure.getValue() + ")").collect(Collectors.joining(", ")));
    }

    /** The instance's URL, or {@code http://<address>/} for an instance registered without one (as Go peers often are). */
    private static URI baseUrl(Service instance) {
        return URI.create(instance.url().isEmpty() ? "http://" + instance.address() + "/" : instance.url());
    }

    /** Calls the greeter {@code --calls} times and prints who answered; exits with 1 if a call failed. */
    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, USAGE, Set.of("--name", "--calls", "--path"));
        int failed = 0;
        try (Registry registry = Registry.connect()) {
            GreeterClient client = new GreeterClient(registry, options.get("--name", GreeterService.NAME), 3);
            int calls = options.getInt("--calls", 5);
            for (int call = 1; call <= calls; call++) {
                try {
                    Reply reply = client.get(options.get("--path", "/hello"));
                    System.out.println("call " + call + " -> " + reply.instance().address() + ": " + reply.body()
                            + (reply.attempts() > 1 ? " (after " + (reply.attempts() - 1) + " failed attempts)" : ""));
                } catch (IOException e) {
                    failed++;
                    System.out.println("call " + call + " failed: " + e.getMessage());
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
