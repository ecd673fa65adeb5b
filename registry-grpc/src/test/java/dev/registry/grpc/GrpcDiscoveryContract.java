package dev.registry.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.tck.Await;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Real grpc-java servers and clients over loopback, discovering each other through {@code registry:///greeter} on
 * a real bus; each transport runs it with its broker. Bounds are for a shared 2-core machine: propagation takes
 * milliseconds, the bounds allow seconds.
 */
abstract class GrpcDiscoveryContract extends GrpcTestBase {

    /** Upper bound of the unregister-to-no-traffic time; measured in milliseconds, see the printed figures. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(2);

    @Test
    void callsSpreadOverTwoServersMoveOnWhenOneStopsAndReachAServerStartedLater() throws InterruptedException {
        Registry client = registry();
        GreeterServer a = server("a");
        GreeterServer b = server("b");
        GrpcServerRegistration registeredA = serve(a, "greeter");
        serve(b, "greeter");
        ManagedChannel channel = channel(client, "greeter");

        Await.until("calls reach a and b", () -> Greeter.hello(channel) != null && a.calls() > 0 && b.calls() > 0);
        Map<String, Integer> spread = calls(channel, 20);
        assertTrue(spread.getOrDefault("a", 0) >= 5 && spread.getOrDefault("b", 0) >= 5, "round robin over a and b: " + spread);

        registeredA.shutdown();
        Map<String, Integer> whileStopping = calls(channel, 20); // every call succeeds: a drains what it still gets
        assertTrue(a.server().awaitTermination(5, TimeUnit.SECONDS), "a terminates");
        System.out.printf("[grpc %s] of 20 calls sent right after a's unregister and shutdown, %d reached a (served while it"
                + " drained) and %d reached b%n", busName(), whileStopping.getOrDefault("a", 0), whileStopping.getOrDefault("b", 0));
        assertEquals(Map.of("b", 20), calls(channel, 20), "every call after a stopped succeeds, on b");

        GreeterServer c = server("c");
        long registered = System.nanoTime();
        serve(c, "greeter");
        Await.until("a call reaches c, started later", () -> Greeter.hello(channel) != null && c.calls() > 0);
        System.out.printf("[grpc %s] a server registered later got its first call after %.1f ms%n", busName(), millisSince(registered));
        Map<String, Integer> after = calls(channel, 20);
        assertTrue(after.getOrDefault("b", 0) >= 5 && after.getOrDefault("c", 0) >= 5 && !after.containsKey("a"),
                "round robin over b and c: " + after);
    }

    @Test
    void unregisterStopsTrafficToTheServerWithinMilliseconds() {
        Registry client = registry();
        GreeterServer a = server("a");
        GreeterServer b = server("b");
        serve(b, "greeter");
        AtomicLong unregisteredSeen = new AtomicLong();
        client.observe("greeter", event -> {
            if (event.type() == ServiceEvent.Type.UNREGISTERED && event.service().kv().get("server").equals("a")) {
                unregisteredSeen.set(System.nanoTime());
            }
        });
        AtomicLong pushedWithoutA = new AtomicLong();
        NameResolverRegistry resolvers = new NameResolverRegistry();
        resolvers.register(new TimedResolverProvider(new RegistryNameResolverProvider(client), addresses -> {
            if (addresses.size() == 1) {
                pushedWithoutA.compareAndSet(0, System.nanoTime());
            }
        }));
        ManagedChannel channel = channel(resolvers, "greeter");

        List<Double> toNoTraffic = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            GrpcServerRegistration registeredA = serve(a, "greeter");
            int before = a.calls();
            Await.until("calls reach a again", () -> Greeter.hello(channel) != null && a.calls() > before);
            unregisteredSeen.set(0);
            pushedWithoutA.set(0);

            long unregistered = System.nanoTime();
            registeredA.close(); // unregisters; a keeps serving, so only the channel decides where calls go
            double unregisterReturned = millisSince(unregistered);
            int sent = 0;
            int toA = 0;
            while (sent < 100 || System.nanoTime() - unregistered < Duration.ofMillis(500).toNanos()) {
                toA += "a".equals(Greeter.hello(channel)) ? 1 : 0;
                sent++;
            }
            double lastToA = Math.max(0, a.lastCallNanos() - unregistered) / 1e6;
            assertEquals(Map.of("b", 50), calls(channel, 50), "no call reaches a once the channel dropped it");
            toNoTraffic.add(lastToA);
            System.out.printf("[grpc %s] round %d, from unregister(): returned %.1f ms, client registry event %.1f ms, new"
                    + " address list pushed to the channel %.1f ms, last call reaching the server %.1f ms (%d of the %d calls"
                    + " sent after unregister() returned reached it)%n", busName(), round, unregisterReturned,
                    millisAfter(unregistered, unregisteredSeen.get()), millisAfter(unregistered, pushedWithoutA.get()), lastToA, toA, sent);
        }
        Collections.sort(toNoTraffic);
        System.out.printf("[grpc %s] unregister -> no traffic: median %.1f ms, max %.1f ms over %d rounds%n", busName(),
                toNoTraffic.get(toNoTraffic.size() / 2), toNoTraffic.get(toNoTraffic.size() - 1), toNoTraffic.size());
        assertTrue(toNoTraffic.get(toNoTraffic.size() - 1) < STOP_BOUND.toMillis(), "unregister -> no traffic: " + toNoTraffic);
    }

    @Test
    void aServerTurningCriticalGetsNoCallsUntilPassingAgain() {
        Registry client = registry();
        GreeterServer a = server("a");
        GreeterServer b = server("b");
        GrpcServerRegistration registeredA = serve(a, "greeter");
        serve(b, "greeter");
        ManagedChannel channel = channel(client, "greeter");
        Await.until("calls reach a and b", () -> Greeter.hello(channel) != null && a.calls() > 0 && b.calls() > 0);

        registeredA.registration().setStatus(Status.CRITICAL);
        Await.until("calls avoid a", () -> calls(channel, 10).equals(Map.of("b", 10)));
        registeredA.registration().setStatus(Status.PASSING);
        int before = a.calls();
        Await.until("calls reach a again", () -> Greeter.hello(channel) != null && a.calls() > before);
    }

    @Test
    void callsFailUnavailableWhileNoInstanceIsRegisteredThenSucceed() {
        Registry client = registry();
        ManagedChannel channel = channel(client, "nobody");

        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> Greeter.hello(channel));
        assertEquals(io.grpc.Status.Code.UNAVAILABLE, failure.getStatus().getCode(), failure.toString());
        assertTrue(String.valueOf(failure.getStatus().getDescription()).contains("no passing instance of service 'nobody'"),
                failure.toString());

        GreeterServer late = server("late");
        serve(late, "nobody");
        Await.until("a call succeeds once an instance is registered", () -> succeeds(channel));
        assertEquals("late", Greeter.hello(channel));
    }

    /** The id of the server each of {@code count} calls reached, counted; every call must succeed. */
    static Map<String, Integer> calls(ManagedChannel channel, int count) {
        Map<String, Integer> spread = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            spread.merge(Greeter.hello(channel), 1, Integer::sum);
        }
        return spread;
    }

    private static boolean succeeds(ManagedChannel channel) {
        try {
            Greeter.hello(channel);
            return true;
        } catch (StatusRuntimeException notYet) {
            return false;
        }
    }

    /** Milliseconds from {@code start} to {@code then}, or NaN when {@code then} never happened (0). */
    private static double millisAfter(long start, long then) {
        return then == 0 ? Double.NaN : (then - start) / 1e6;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
