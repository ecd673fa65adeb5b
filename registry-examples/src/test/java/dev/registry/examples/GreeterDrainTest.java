package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Graceful drain, measured with the HTTP greeter on NATS: two instances serve a client that calls in a loop with
 * no retry (one attempt per call, so a call sent to an instance that is gone fails); one instance drains and
 * stops. No call fails, and the drained instance gets no call once it has stopped.
 */
@Timeout(60)
class GreeterDrainTest {

    @Test
    void drainingOneOfTwoGreetersFailsNoCall() throws Exception {
        try (Broker nats = Brokers.nats();
             Registry servers = Registry.connect(Brokers.natsUrl(nats), options());
             Registry clients = Registry.connect(Brokers.natsUrl(nats), options())) {
            GreeterService staying = GreeterService.start(servers, GreeterService.NAME, "staying", 0, Duration.ofMinutes(1));
            GreeterService leaving = GreeterService.start(servers, GreeterService.NAME, "leaving", 0, Duration.ofMinutes(1));
            Await.until("the client sees both", () -> clients.getServices(GreeterService.NAME).size() == 2);
            GreeterClient client = new GreeterClient(clients, GreeterService.NAME, 1);

            Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
            AtomicInteger failed = new AtomicInteger();
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicLong callsToLeavingAfterStop = new AtomicLong();
            AtomicBoolean leavingStopped = new AtomicBoolean();
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> loops = List.of(callers.submit(() -> callLoop(client, answered, failed, stopped, leavingStopped,
                        callsToLeavingAfterStop)), callers.submit(() -> callLoop(client, answered, failed, stopped,
                        leavingStopped, callsToLeavingAfterStop)));
                Await.until("both answer, under load", () -> count(answered, "hello from leaving") >= 20
                        && count(answered, "hello from staying") >= 20);

                long drainStarted = System.nanoTime();
                CompletableFuture<Void> gone = leaving.drainAndClose(Duration.ofMillis(500));
                gone.get(10, TimeUnit.SECONDS);
                leavingStopped.set(true);
                long drainedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStarted);
                int beforeMore = answered.get("hello from staying").get();
                Await.until("calls go on after the drain", () -> answered.get("hello from staying").get() > beforeMore + 50);
                stopped.set(true);
                for (Future<?> loop : loops) {
                    loop.get(10, TimeUnit.SECONDS);
                }
                int total = answered.values().stream().mapToInt(AtomicInteger::get).sum() + failed.get();
                System.out.println("[drain] greeter drained in " + drainedMillis + " ms under " + total + " calls: " + answered
                        + ", failed " + failed.get() + ", calls to the drained instance after it stopped "
                        + callsToLeavingAfterStop.get());
                assertEquals(0, failed.get(), "no call failed while an instance drained and stopped");
                assertEquals(0, callsToLeavingAfterStop.get());
                assertTrue(drainedMillis >= 500, "served for the whole drain period, " + drainedMillis + " ms");
            } finally {
                stopped.set(true);
                callers.shutdownNow();
                staying.close();
            }
        }
    }

    private static void callLoop(GreeterClient client, Map<String, AtomicInteger> answered, AtomicInteger failed,
            AtomicBoolean stopped, AtomicBoolean leavingStopped, AtomicLong callsToLeavingAfterStop) {
        while (!stopped.get()) {
            boolean afterStop = leavingStopped.get();
            try {
                String body = client.get("/hello").body();
                answered.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                if (afterStop && body.equals("hello from leaving")) {
                    callsToLeavingAfterStop.incrementAndGet();
                }
            } catch (Exception failure) {
                failed.incrementAndGet();
            }
        }
    }

    private static int count(Map<String, AtomicInteger> answered, String body) {
        AtomicInteger calls = answered.get(body);
        return calls == null ? 0 : calls.get();
    }

    private static RegistryOptions options() {
        return RegistryOptions.builder().mainTopic("drain").unregisterOnShutdown(false).build();
    }
}
