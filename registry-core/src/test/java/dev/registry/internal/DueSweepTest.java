package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Ticker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The due check runs at the next due time, not at the next multiple of its period: on the real clock. */
class DueSweepTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aSilentInstanceExpiresAtItsDueTimeNotAtTheNextPeriod() throws Exception {
        BusClock clock = new BusClock(Ticker.system());
        CountDownLatch expired = new CountDownLatch(1);
        long[] expiredAt = new long[1];
        InstanceCache cache = new InstanceCache(clock, scheduler, new NameTable(Runnable::run, new LongAdder(), Long.MAX_VALUE),
                new ExpiryBrake<>(false, 0.5, Long.MAX_VALUE, 1.5, () -> { }), Duration.ofMillis(10).toNanos(),
                (state, event) -> {
                    if (event.type() == ServiceEvent.Type.EXPIRED) {
                        expiredAt[0] = System.nanoTime();
                        expired.countDown();
                    }
                });
        long period = Duration.ofSeconds(1).toNanos();
        new DueSweep(scheduler, cache, clock, period, () -> { }).start();

        long start = System.nanoTime();
        cache.upsert(Service.builder("s").address("127.0.0.1:1").build(), Duration.ofMillis(1_500).toNanos());

        assertTrue(expired.await(5, TimeUnit.SECONDS), "expired");
        long late = expiredAt[0] - start - Duration.ofMillis(1_500).toNanos();
        // a check once a second would find it at 2 s, 500 ms late; at its due time it is late by a slot (10 ms)
        // plus the scheduler's wake-up, far less even on a loaded machine
        assertTrue(late >= 0 && late < Duration.ofMillis(300).toNanos(), "expired " + late / 1_000_000 + " ms after its due time");
    }
}
