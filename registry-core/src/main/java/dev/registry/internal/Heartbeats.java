package dev.registry.internal;

import dev.registry.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Republishes every own registration about once per register interval, from one periodic task on the
 * registry's scheduler rather than one timer per registration: a process owning a thousand registrations
 * wakes its scheduler twenty times per interval, not a thousand, and the transport sends each tick's
 * messages together.
 *
 * <p>The tick is 1/20 of the interval (at least 1 ms). Each registration's next beat is drawn between 90 % and
 * 95 % of the interval after its last, so beats of many instances spread out instead of coming in step, and
 * a beat that waits up to one more tick still comes within the interval: never late for peers counting the
 * due time. Times are read from the registry's ticker, so a test can drive heartbeats without waiting. Runs on
 * the scheduler thread only.
 */
final class Heartbeats {

    private final long intervalNanos;
    private final long tickNanos;
    private final Supplier<List<DefaultRegistration>> registrations;
    private final Ticker ticker;

    Heartbeats(Duration interval, ScheduledExecutorService scheduler, Supplier<List<DefaultRegistration>> registrations,
            Ticker ticker) {
        this.ticker = ticker;
        this.intervalNanos = interval.toNanos();
        this.tickNanos = Math.max(intervalNanos / 20, TimeUnit.MILLISECONDS.toNanos(1));
        this.registrations = registrations;
        try {
            scheduler.scheduleWithFixedDelay(this::tick, tickNanos, tickNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the registry is closing while it is built: nothing will need a heartbeat
        }
    }

    /** When a registration announced now should beat next, on the registry's ticker. */
    long nextBeat() {
        return nextBeatAfter(ticker.read());
    }

    private long nextBeatAfter(long now) {
        long jitter = ThreadLocalRandom.current().nextLong(intervalNanos / 20 + 1);
        return now + Math.max(0, intervalNanos - tickNanos - jitter);
    }

    private void tick() {
        long now = ticker.read();
        for (DefaultRegistration registration : registrations.get()) {
            if (now - registration.nextBeat() >= 0) {
                registration.announce();
                registration.nextBeat(nextBeatAfter(now));
            }
        }
    }
}
