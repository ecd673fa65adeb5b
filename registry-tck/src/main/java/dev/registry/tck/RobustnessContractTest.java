package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.DropReason;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.spi.Pubsub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every transport must withstand: forged and replayed messages when signing is on, hostile bytes,
 * racing threads and lookup stampedes. Each test runs against the real bus of the transport that extends it.
 */
public abstract class RobustnessContractTest extends RegistryTestBase {

    private static final byte[] KEY = "a shared secret of 32 bytes.....".getBytes(StandardCharsets.UTF_8);

    // ---- message authentication ------------------------------------------------------------------------

    @Test
    void signedRegistriesSeeEachOtherAndGoPeersStillReadSignedMessages() {
        Registry owner = registry(options().signingKey(KEY).build());
        ConcurrentLinkedQueue<String> wire = new ConcurrentLinkedQueue<>();
        raw().subscribe(topic("register", "signed"), (topic, payload) -> wire.add(utf8(payload)));
        Registration registration = owner.register(service("signed", "127.0.0.1:1"));

        assertEquals("127.0.0.1:1", registry(options().signingKey(KEY).build()).getService("signed").address());
        assertEquals("127.0.0.1:1", registry().getService("signed").address(), "an unsigned (Go) peer ignores sig");
        assertTrue(Await.value("a signed message", wire::peek).matches(".*,\"sig\":\"[A-Za-z0-9+/=]{44}\"}"), wire.peek());

        Registry signedObserver = registry(options().signingKey(KEY).build());
        EventRecorder events = new EventRecorder();
        signedObserver.observe("signed", events);
        signedObserver.getService("signed");
        registration.unregister();
        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
    }

    @Test
    void unsignedForgedAndReplayedMessagesAreDroppedAndCounted() {
        Registry client = registry(options().signingKey(KEY).build());
        EventRecorder events = new EventRecorder();
        client.observe("guarded", events);
        Pubsub attacker = raw();
        String register = topic("register", "guarded");
        Hmac wrongKey = new Hmac("another secret of 32 bytes......".getBytes(StandardCharsets.UTF_8));
        Hmac rightKey = new Hmac(KEY);

        attacker.publish(register, goRegister("guarded", "127.0.0.1:66", 60_000, ""));
        attacker.publish(register, wrongKey.sign(register, goRegister("guarded", "127.0.0.1:66", 60_000, "")));
        attacker.publish(register, rightKey.sign(topic("register", "other"), goRegister("guarded", "127.0.0.1:66", 60_000, "")));
        byte[] stale = ("{\"add\":\"127.0.0.1:66\",\"name\":\"guarded\",\"t\":{\"Registered\":" + (System.currentTimeMillis() - 10_000)
                + ",\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
        attacker.publish(register, rightKey.sign(register, stale));
        attacker.publish(topic("unregister", "guarded"), "{\"add\":\"127.0.0.1:1\",\"name\":\"guarded\"}".getBytes(StandardCharsets.UTF_8));
        registry(options().signingKey(KEY).build()).register(service("guarded", "127.0.0.1:1"));

        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        Await.until("every forged message counted", () -> client.stats().droppedTotal() >= 5);
        Map<DropReason, Long> dropped = client.stats().dropped();
        assertEquals(2, dropped.get(DropReason.UNSIGNED), dropped.toString());
        assertEquals(2, dropped.get(DropReason.BAD_SIGNATURE), dropped.toString());
        assertEquals(1, dropped.get(DropReason.REPLAYED), dropped.toString());
        assertEquals(List.of("127.0.0.1:1"), client.getServices("guarded").stream().map(Service::address).toList());
    }

    // ---- races and stampedes -----------------------------------------------------------------------------

    @Test
    void unregisterRacingHeartbeatsAndStatusChangesNeverLeavesAPhantom() throws Exception {
        Registry owner = registry(options().registerInterval(Duration.ofMillis(1)).build());
        // A 1 ms interval would expire instances 1.5 ms after each beat; this test is about ordering, not expiry.
        Registry observer = registry(options().dueFactor(100).build());
        EventRecorder events = new EventRecorder();
        observer.observe("race", events);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 200; i++) {
                Registration registration = owner.register(service("race", "127.0.0.1:" + i));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> racers = List.of(
                        pool.submit(() -> Await.thenRun(go, registration::unregister)),
                        pool.submit(() -> Await.thenRun(go, () -> setStatusIfRegistered(registration))),
                        pool.submit(() -> Await.thenRun(go, registration::unregister)));
                go.countDown();
                for (Future<?> racer : racers) {
                    racer.get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        owner.register(service("race", "marker:1"));
        events.await(ServiceEvent.Type.REGISTERED, "marker:1");

        for (int i = 0; i < 200; i++) {
            String types = events.typesOf("127.0.0.1:" + i).stream().map(Enum::name).collect(Collectors.joining(" "));
            assertTrue(types.matches("REGISTERED( UPDATED)* UNREGISTERED"), "instance " + i + ": " + types);
        }
        assertEquals(List.of("marker:1"), observer.getServices("race").stream().map(Service::address).toList());
    }

    @Test
    void registerRacingCloseEitherFailsOrIsUnregistered() throws Exception {
        Registry observer = registry();
        EventRecorder events = new EventRecorder();
        observer.observe("closing", events);
        AtomicInteger registered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Registry owner = registry();
                int base = round * 10;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> racers = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    racers.add(pool.submit(() -> Await.thenRun(go, () -> {
                        try {
                            owner.register(service("closing", "127.0." + base + ":" + thread));
                            registered.incrementAndGet();
                        } catch (RegistryClosedException closed) {
                            // lost the race against close(): refused, never published
                        }
                    })));
                }
                racers.add(pool.submit(() -> Await.thenRun(go, owner::close)));
                go.countDown();
                for (Future<?> racer : racers) {
                    racer.get(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Await.until("an UNREGISTERED for each of the " + registered.get() + " registrations",
                () -> events.of(ServiceEvent.Type.UNREGISTERED).size() == registered.get());
        assertEquals(events.of(ServiceEvent.Type.REGISTERED).size(), registered.get());
        assertTrue(observer.getServices("closing").isEmpty());
    }

    @Test
    void unregisterRacingCloseIsNeverLost() throws Exception {
        Registry observer = registry();
        EventRecorder events = new EventRecorder();
        observer.observe("last-word", events);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int rounds = 50;
        try {
            for (int round = 0; round < rounds; round++) {
                Registry owner = registry();
                Registration registration = owner.register(service("last-word", "127.0.0.1:" + round));
                events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:" + round);
                CountDownLatch go = new CountDownLatch(1);
                Future<?> unregister = pool.submit(() -> Await.thenRun(go, registration::unregister));
                Future<?> close = pool.submit(() -> Await.thenRun(go, owner::close));
                go.countDown();
                unregister.get(10, TimeUnit.SECONDS);
                close.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Await.until("an UNREGISTERED for every round", () -> events.of(ServiceEvent.Type.UNREGISTERED).size() == rounds);
    }

    @Test
    void aThousandConcurrentColdLookupsPublishOnePing() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        raw().subscribe(topic("ping", "stampede"), (topic, payload) -> pings.incrementAndGet());
        registry().register(service("stampede", "127.0.0.1:1"));
        Registry client = registry();
        int callers = 1_000;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Service>> lookups = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                lookups.add(pool.submit(() -> {
                    go.await();
                    return client.getService("stampede");
                }));
            }
            go.countDown();
            for (Future<Service> lookup : lookups) {
                assertEquals("127.0.0.1:1", lookup.get(30, TimeUnit.SECONDS).address());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, client.stats().pingsSent());
        Await.until("the ping on the wire", () -> pings.get() == 1);
    }

    // ---- hostile bytes -------------------------------------------------------------------------------

    @Test
    void thousandsOfRandomAndCraftedMessagesLeaveExactlyTheLegitimateInstances() {
        Registry owner = registry();
        for (int i = 1; i <= 5; i++) {
            owner.register(service("fuzz", "127.0.0.1:" + i));
        }
        Registry client = registry(options().maxMessageSize(4096).build());
        Await.until("the 5 legitimate instances", () -> client.getServices("fuzz").size() == 5);
        long inBefore = client.stats().messagesIn();
        Pubsub hostile = raw();
        Random random = new Random(42);
        byte[] valid = goRegister("fuzz", "10.9.9.9:1", 60_000, "");
        int sent = 0;
        int harmless = 0;
        for (int i = 0; i < 3_000; i++) {
            boolean unregister = i % 7 == 0;
            hostile.publish(topic(unregister ? "unregister" : "register", "fuzz"), hostileMessage(random, valid, i));
            sent++;
            if (unregister && i % 12 == 8) {
                harmless++; // a well-formed unregister of an unknown instance: valid, and a no-op
            }
        }
        // Legitimate owners may send what a Go peer would, including a status string this version does not know.
        hostile.publish(topic("register", "fuzz"), goRegister("fuzz", "127.0.0.1:1", 60_000, ",\"status\":\"maintenance\""));
        int total = sent + 1;

        Await.until("every hostile message processed", () -> client.stats().messagesIn() - inBefore >= total);
        assertEquals(sent - harmless, client.stats().droppedTotal(), client.stats().toString());
        List<Service> cached = client.getServices("fuzz");
        assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3", "127.0.0.1:4", "127.0.0.1:5"),
                cached.stream().map(Service::address).sorted().toList());
        assertTrue(cached.stream().allMatch(service -> service.status() == Status.PASSING));
        assertEquals(5, client.stats().cacheSize());
        owner.register(service("fuzz", "127.0.0.1:6"));
        Await.until("the registry still works after the storm", () -> client.getServices("fuzz").size() == 6);
    }

    /** One of the kinds of bad input a shared bus can carry, chosen by {@code i}, with random content. */
    private static byte[] hostileMessage(Random random, byte[] valid, int i) {
        String address = "\"10.0.0." + random.nextInt(256) + ":" + random.nextInt(65_536) + "\"";
        switch (i % 12) {
            case 0: {
                byte[] noise = new byte[random.nextInt(2_000)];
                random.nextBytes(noise);
                return noise;
            }
            case 1:
                return java.util.Arrays.copyOf(valid, random.nextInt(valid.length - 1));
            case 2:
                return ("{\"name\":" + random.nextInt() + ",\"add\":" + address + ",\"t\":{\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
            case 3:
                return ("{\"add\":" + address + ",\"t\":{\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
            case 4:
                return ("{\"name\":\"other" + random.nextInt(100) + "\",\"add\":" + address + ",\"t\":{\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
            case 5:
                return ("{\"name\":\"fuzz\",\"add\":" + address + ",\"kv\":{\"x\":\"" + "y".repeat(5_000 + random.nextInt(5_000)) + "\"},\"t\":{\"Duration\":1000}}")
                        .getBytes(StandardCharsets.UTF_8);
            case 6:
                return ("{\"name\":\"fuzz\",\"add\":" + address + ",\"x\":" + "[".repeat(50 + random.nextInt(500)) + "]".repeat(10) + "}")
                        .getBytes(StandardCharsets.UTF_8);
            case 7: {
                byte[] invalidUtf8 = ("{\"name\":\"fuzz\",\"add\":\"10.0.0.1:1\",\"h\":\"..\",\"t\":{\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8);
                int at = new String(invalidUtf8, StandardCharsets.UTF_8).indexOf("..");
                invalidUtf8[at] = (byte) (0x80 + random.nextInt(64));
                invalidUtf8[at + 1] = (byte) 0xFF;
                return invalidUtf8;
            }
            case 8:
                return ("{\"name\":\"fuzz\",\"add\":" + address + ",\"t\":{\"Registered\":1,\"Duration\":" + (-random.nextInt(1_000_000)) + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            case 9:
                // beyond a Go int64: every interval within one is accepted (a Go peer may send it)
                return ("{\"name\":\"fuzz\",\"add\":" + address + ",\"t\":{\"Registered\":1,\"Duration\":9" + Long.MAX_VALUE + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            case 10:
                return ("{\"name\":\"fuzz\",\"add\":" + address + ",\"t\":{\"Duration\":{\"nested\":true}},\"status\":42}").getBytes(StandardCharsets.UTF_8);
            default: {
                byte[] flipped = valid.clone();
                flipped[random.nextInt(8)] = (byte) random.nextInt(256);
                flipped[flipped.length - 1 - random.nextInt(3)] = (byte) '{';
                return flipped;
            }
        }
    }

    private static void setStatusIfRegistered(Registration registration) {
        try {
            registration.setStatus(Status.WARNING);
        } catch (IllegalStateException unregistered) {
            // the unregister won the race: nothing to publish
        }
    }
}
