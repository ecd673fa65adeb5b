package dev.registry.examples;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.ServiceEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * The whole flow in one program: three instances of the {@code greeter} HTTP service ({@link GreeterService})
 * register themselves, a client ({@link GreeterClient}) calls them round-robin through the registry, one
 * instance stops and the client moves on, and an observer prints every event as it happens. On the in-memory
 * bus the instances run in this JVM; on a real bus each runs in a process of its own and is stopped with
 * SIGTERM, so other processes ({@code registry watch}) see the same events.
 *
 * <pre>
 *   scripts/demo                                 # in-memory bus, nothing to install
 *   scripts/demo --url nats://127.0.0.1:4222     # three greeter processes over a NATS server
 *   scripts/demo --url redis://127.0.0.1:6379    # the same over Redis
 * </pre>
 *
 * Runs on its own main topic, {@value #MAIN_TOPIC}, so it never mixes with real services on a shared bus.
 */
public final class Demo {

    static final String MAIN_TOPIC = "registry-demo";

    private static final String USAGE = "demo [--url mem://demo | nats://host:4222 | redis://host:6379]";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final PrintStream out;
    private final String url;
    private final RegistryOptions options = RegistryOptions.builder().mainTopic(MAIN_TOPIC).build();

    Demo(PrintStream out, String url) {
        this.out = out;
        this.url = url;
    }

    public static void main(String[] args) {
        ExampleArgs options = ExampleArgs.parse(args, USAGE, Set.of("--url"));
        new Demo(System.out, options.get("--url", "mem://demo")).run();
    }

    void run() {
        boolean inMemory = url.startsWith("mem:");
        out.println("registry demo on " + url + ", main topic " + MAIN_TOPIC);
        Set<String> observed = ConcurrentHashMap.newKeySet();
        try (Registry observer = Registry.connect(url, options);
             Registry clientRegistry = Registry.connect(url, options);
             GreeterFleet fleet = inMemory ? new InProcessFleet(url, options) : new ProcessFleet(url, MAIN_TOPIC)) {
            observer.observe(GreeterService.NAME, event -> {
                print(event);
                if (event.type() == ServiceEvent.Type.REGISTERED) {
                    observed.add(event.service().address());
                } else if (event.type() != ServiceEvent.Type.UPDATED) {
                    observed.remove(event.service().address());
                }
            });
            // The observer and the client each await every change, so the output tells the story in order.
            IntPredicate everyoneSees = count -> observed.size() == count
                    && clientRegistry.getServices(GreeterService.NAME).size() == count;
            for (int number = 1; number <= 3; number++) {
                out.println("starting greeter instance " + number + " " + fleet.where());
                fleet.start(number);
            }
            await("3 greeter instances", START_TIMEOUT, () -> everyoneSees.test(3));

            GreeterClient client = new GreeterClient(clientRegistry, GreeterService.NAME, 3);
            out.println("client: 6 calls through the registry, round-robin");
            call(client, 1, 6);

            out.println("stopping instance 2: " + fleet.howStopped());
            fleet.stop(2);
            await("2 greeter instances", STOP_TIMEOUT, () -> everyoneSees.test(2));
            out.println("client: 4 more calls, which go to the instances still registered");
            call(client, 7, 10);

            out.println("stopping instances 1 and 3");
            fleet.stop(1);
            fleet.stop(3);
            await("no greeter instance", STOP_TIMEOUT, observed::isEmpty);
        }
        out.println("done");
    }

    private void print(ServiceEvent event) {
        out.printf("  [event] %-12s %s %s (%s)%n", event.type(), event.name(), event.service().address(),
                event.service().kv().getOrDefault("id", "?"));
    }

    private void call(GreeterClient client, int first, int last) {
        for (int call = first; call <= last; call++) {
            try {
                GreeterClient.Reply reply = client.get("/hello");
                out.println("  call " + call + " -> " + reply.instance().address() + ": " + reply.body());
            } catch (IOException e) {
                out.println("  call " + call + " failed: " + e.getMessage());
            }
        }
    }

    /** Polls {@code condition}: instances start and stop asynchronously, in other threads or processes. */
    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo did not see " + what + " within " + timeout.toSeconds()
                        + " s; see the errors above");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
