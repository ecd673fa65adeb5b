package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The expiry brake on a clock the test moves: which waves are held, for how long, and which expire on time. */
class ExpiryBrakeTest {

    private static final long DUE = Duration.ofSeconds(1).toNanos();
    private static final Duration MAX_HOLD = Duration.ofSeconds(5);

    private final ManualTicker ticker = new ManualTicker();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger engagements = new AtomicInteger();
    private final InstanceCache cache = new InstanceCache(new BusClock(ticker), scheduler,
            new NameTable(Runnable::run, new LongAdder(), Long.MAX_VALUE),
            new ExpiryBrake<>(true, 0.5, MAX_HOLD.toNanos(), 1.5, engagements::incrementAndGet), Duration.ofMillis(10).toNanos(),
            (state, event) -> events.add(event));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aWaveOfSilentHostsIsHeldUntilHeardAgainOrTheMaximumHold() {
        for (int i = 0; i < 10; i++) {
            cache.upsert(instance(i, "host-" + i), DUE);
        }
        ticker.advance(Duration.ofMillis(1_100));
        cache.expireDue();
        assertEquals(0, expired(), "all ten hosts silent at once: a partition, held");
        assertEquals(10, cache.held());
        assertEquals(1, engagements.get());

        cache.upsert(instance(3, "host-3"), DUE);
        sweepFor(Duration.ofMillis(20));
        assertEquals(9, cache.held(), "the instance heard again is no longer held");

        sweepFor(MAX_HOLD);
        assertEquals(9, expired(), "held past the maximum hold: expired");
        assertEquals(1, cache.held(), "the one heard again fell silent during the wave: held from its due time on");
        sweepFor(Duration.ofSeconds(1));
        assertEquals(10, expired());
        assertEquals(0, cache.held());
        assertEquals(1, engagements.get(), "one engagement for the whole wave");
    }

    @Test
    void silentHostsFallingDueAtTheirOwnPhasesAreAllHeldWhileOthersBeat() {
        for (int i = 0; i < 6; i++) {
            cache.upsert(instance(i, "host-" + i), DUE);
        }
        for (int step = 1; step <= 60; step++) {
            ticker.advance(Duration.ofMillis(50));
            if (step % 9 == 0) {
                cache.upsert(instance(4, "host-4"), DUE);
                cache.upsert(instance(5, "host-5"), DUE);
            }
            if (step == 2 || step == 5) {
                cache.upsert(instance(step, "host-" + step), DUE); // hosts 2 and 5 beat once more, at other phases
            }
            cache.expireDue();
        }
        assertEquals(0, expired(), events.toString());
        assertEquals(4, cache.held());
        assertEquals(1, engagements.get());
    }

    @Test
    void oneCrashedHostExpiresOnTimeHoweverManyInstancesItOwned() {
        for (int i = 0; i < 10; i++) {
            cache.upsert(instance(i, "one-host"), DUE);
        }
        ticker.advance(Duration.ofMillis(1_100));
        cache.expireDue();
        assertEquals(10, expired());
        assertEquals(0, engagements.get());
    }

    @Test
    void aMinorityOfSilentHostsExpiresOnTime() {
        for (int i = 0; i < 10; i++) {
            cache.upsert(instance(i, "host-" + i), DUE);
        }
        ticker.advance(Duration.ofMillis(600));
        for (int i = 2; i < 10; i++) {
            cache.upsert(instance(i, "host-" + i), DUE);
        }
        ticker.advance(Duration.ofMillis(500));
        cache.expireDue();
        assertEquals(0, expired(), "2 hosts silent at once: deferred while a wave might be forming");
        for (int beat = 0; beat < 3; beat++) {
            for (int i = 2; i < 10; i++) {
                cache.upsert(instance(i, "host-" + i), DUE);
            }
            sweepFor(Duration.ofMillis(400));
        }
        assertEquals(2, expired(), "2 of 10 hosts silent: ordinary failures, expired within one more interval");
        assertEquals(0, engagements.get());
    }

    @Test
    void aHostIsSilentOnlyWhenNoneOfItsInstancesBeats() {
        cache.upsert(instance(1, "a"), DUE); // due at 1,000 ms
        ticker.advance(Duration.ofMillis(300));
        cache.upsert(instance(2, "b"), DUE); // b's first instance and c's only one: late from 1,033 ms, due at 1,300
        cache.upsert(instance(3, "c"), DUE);
        cache.upsert(instance(4, "b"), DUE);
        ticker.advance(Duration.ofMillis(400));
        cache.upsert(instance(4, "b"), DUE); // b's second instance beats at 700 ms
        ticker.advance(Duration.ofMillis(350));
        cache.expireDue();

        assertEquals(0, engagements.get(), "a due and c late are 2 silent hosts of 3; b still beats through instance 4");
        assertEquals(0, cache.held());
        assertEquals(0, expired(), "deferred: two hosts silent together");
    }

    @Test
    void fewerThanThreeHostsNeverEngageTheBrake() {
        cache.upsert(instance(1, "a"), DUE);
        cache.upsert(instance(2, "b"), DUE);
        sweepFor(Duration.ofMillis(1_100));
        assertEquals(0, expired(), "deferred: the two went silent together");
        sweepFor(Duration.ofMillis(1_000));
        assertEquals(2, expired(), "expired one interval (due / factor) after their due time at most");
        assertEquals(0, engagements.get());
    }

    @Test
    void withoutTheBrakeEveryWaveExpiresOnTime() {
        InstanceCache unbraked = new InstanceCache(new BusClock(ticker), scheduler,
                new NameTable(Runnable::run, new LongAdder(), Long.MAX_VALUE),
                new ExpiryBrake<>(false, 0.5, MAX_HOLD.toNanos(), 1.5, engagements::incrementAndGet), Duration.ofMillis(10).toNanos(),
                (state, event) -> events.add(event));
        for (int i = 0; i < 10; i++) {
            unbraked.upsert(instance(i, "host-" + i), DUE);
        }
        ticker.advance(Duration.ofMillis(1_100));
        unbraked.expireDue();
        assertEquals(10, expired());
    }

    /** Moves the clock on as the registry's due-check sweep would see it: a sweep every 50 ms. */
    private void sweepFor(Duration duration) {
        for (long left = duration.toMillis(); left > 0; left -= 50) {
            ticker.advance(Duration.ofMillis(Math.min(50, left)));
            cache.expireDue();
        }
    }

    private static Service instance(int i, String host) {
        return Service.builder("wave").address("10.0.0." + i + ":80").host(host).build();
    }

    private long expired() {
        return events.stream().filter(event -> event.type() == ServiceEvent.Type.EXPIRED).count();
    }
}
