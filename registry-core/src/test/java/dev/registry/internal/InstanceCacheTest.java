package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expiry precision of the cache, on a clock the test moves: no waiting, no dependence on Caffeine's wheel tick. */
class InstanceCacheTest {

    private static final long DUE = Duration.ofMillis(300).toNanos();

    private final ManualTicker ticker = new ManualTicker();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();
    private final NameTable names = new NameTable(Runnable::run, new LongAdder(), Long.MAX_VALUE);
    private final InstanceCache cache = new InstanceCache(new BusClock(ticker), scheduler, names,
            new ExpiryBrake<>(false, 0.5, Long.MAX_VALUE, 1.5, () -> { }), Duration.ofMillis(10).toNanos(),
            (state, event) -> events.add(event));
    private final Service service = Service.builder("s").address("127.0.0.1:1").build();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void expiresAtTheDueTimeToTheSweepNotToCaffeinesWheelTick() {
        cache.upsert(service, DUE);

        ticker.advance(Duration.ofMillis(299));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED), types());

        ticker.advance(Duration.ofMillis(11));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.EXPIRED), types());
        assertEquals(List.of(), names.get("s").snapshot);
    }

    @Test
    void whoeverHearsOfAChangeFindsTheCacheSizeCountingIt() {
        List<Long> sizes = new CopyOnWriteArrayList<>();
        InstanceCache[] reporting = new InstanceCache[1];
        InstanceCache counted = new InstanceCache(new BusClock(ticker), scheduler, names,
                new ExpiryBrake<>(false, 0.5, Long.MAX_VALUE, 1.5, () -> { }), Duration.ofMillis(10).toNanos(),
                (state, event) -> sizes.add(reporting[0].size())); // the size as the change is reported
        reporting[0] = counted;
        Service other = Service.builder("s").address("127.0.0.1:2").build();

        counted.upsert(service, DUE);
        counted.upsert(other, DUE);
        counted.upsert(other.toBuilder().version("2").build(), DUE);
        counted.remove("s", "127.0.0.1:1");
        ticker.advance(Duration.ofMillis(310)); // past the due time and the due index's period
        counted.expireDue();

        assertEquals(List.of(1L, 2L, 2L, 1L, 0L), sizes, "REGISTERED, REGISTERED, UPDATED, UNREGISTERED, EXPIRED");
        assertEquals(0, counted.size());
    }

    @Test
    void aHeartbeatMakesTheEarlierDeadlineStale() {
        cache.upsert(service, DUE);
        ticker.advance(Duration.ofMillis(200));
        cache.upsert(service, DUE);

        ticker.advance(Duration.ofMillis(200));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED), types(), "due 500 ms after the first beat, not 300");

        ticker.advance(Duration.ofMillis(120));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.EXPIRED), types());
    }

    @Test
    void anUnregisteredInstanceLeavesNothingToExpire() {
        cache.upsert(service, DUE);
        cache.remove("s", "127.0.0.1:1");

        ticker.advance(Duration.ofSeconds(5));
        cache.expireDue();

        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.UNREGISTERED), types());
    }

    @Test
    void aRepeatedMessageRenewsItsInstanceUndecodedPastCaffeinesBackstopAndExpiresOnTimeOnceItStops() {
        Topics topics = new Topics("registry");
        cache.upsert(service, DUE, BeatKey.of(message(1)));
        for (int beat = 2; beat <= 60; beat++) { // 12 s of beats every 200 ms: far past the first deadline + 2 s
            ticker.advance(Duration.ofMillis(100));
            cache.expireDue();
            ticker.advance(Duration.ofMillis(100));
            assertTrue(cache.renew(BeatKey.of(message(beat)), "registry.register.s", topics), "beat " + beat);
            cache.expireDue();
        }
        assertEquals(List.of(ServiceEvent.Type.REGISTERED), types());
        assertEquals(1, cache.size());

        ticker.advance(Duration.ofMillis(299));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED), types(), "due 300 ms after the last beat");
        ticker.advance(Duration.ofMillis(11));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.EXPIRED), types());
        assertFalse(cache.renew(BeatKey.of(message(61)), "registry.register.s", topics), "gone: decode it again");
    }

    @Test
    void anUnchangedDecodedMessageRenewsItsInstancePastCaffeinesBackstop() {
        cache.upsert(service, DUE);
        for (int beat = 2; beat <= 60; beat++) { // as signed beats are: decoded each time, 12 s of them every 200 ms
            ticker.advance(Duration.ofMillis(100));
            cache.expireDue();
            ticker.advance(Duration.ofMillis(100));
            cache.upsert(service, DUE);
            cache.expireDue();
        }
        assertEquals(List.of(ServiceEvent.Type.REGISTERED), types(), "Caffeine's backstop moved with every beat");
        assertEquals(1, cache.size());

        ticker.advance(Duration.ofMillis(310));
        cache.expireDue();
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.EXPIRED), types());
    }

    @Test
    void aRepeatedMessageOnAnotherTopicOrAChangedOneIsNotRenewedUndecoded() {
        Topics topics = new Topics("registry");
        cache.upsert(service, DUE, BeatKey.of(message(1)));

        assertFalse(cache.renew(BeatKey.of(message(2)), "registry.register.t", topics));
        assertFalse(cache.renew(BeatKey.of(message(2)), "registry.register.ss", topics));
        byte[] critical = ("{\"add\":\"127.0.0.1:1\",\"name\":\"s\",\"t\":{\"Registered\":2,\"Duration\":200},"
                + "\"status\":\"critical\"}").getBytes(StandardCharsets.UTF_8);
        assertFalse(cache.renew(BeatKey.of(critical), "registry.register.s", topics));
        assertTrue(cache.renew(BeatKey.of(message(3)), "registry.register.s", topics));
    }

    @Test
    void aReplacedInstanceIsNoLongerRenewedByItsFormerMessage() {
        Topics topics = new Topics("registry");
        cache.upsert(service, DUE, BeatKey.of(message(1)));
        Service critical = Service.builder("s").address("127.0.0.1:1").status(dev.registry.Status.CRITICAL).build();
        cache.upsert(critical, DUE, null);

        assertFalse(cache.renew(BeatKey.of(message(2)), "registry.register.s", topics));
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.UPDATED), types());
    }

    /** The register message of {@link #service} sent at {@code registered}: equal but for that time. */
    private static byte[] message(long registered) {
        return ("{\"add\":\"127.0.0.1:1\",\"name\":\"s\",\"t\":{\"Registered\":" + registered + ",\"Duration\":200}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<ServiceEvent.Type> types() {
        return events.stream().map(ServiceEvent::type).toList();
    }
}
