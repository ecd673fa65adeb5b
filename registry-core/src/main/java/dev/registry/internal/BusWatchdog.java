package dev.registry.internal;

import dev.registry.spi.Pubsub;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a live bus from a stalled one. A paused or overloaded broker keeps its TCP connections open, so the
 * transport reports nothing, yet no heartbeat gets through and every cached instance would expire at once.
 * The watchdog asks the transport for a round trip every {@link #PROBE_PERIOD}; when none succeeded for
 * {@link #STALL_AFTER} it declares the bus stalled (expiry pauses) and when one succeeds again it declares it
 * back (expiry resumes, the registry re-announces and re-pings). Runs on its own daemon thread
 * ({@code registry-watchdog-<id>}) because a round trip to a stalled bus blocks for its whole timeout.
 */
final class BusWatchdog implements AutoCloseable {

    static final Duration PROBE_PERIOD = Duration.ofMillis(250);
    static final Duration STALL_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(BusWatchdog.class);

    private final Pubsub pubsub;
    private final Listener listener;
    private final ScheduledExecutorService thread;
    private long lastAnswer = System.nanoTime();
    private boolean stalled;

    BusWatchdog(Pubsub pubsub, int registryId, Listener listener) {
        this.pubsub = pubsub;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(RegistryThreads.named("watchdog", registryId));
        thread.scheduleWithFixedDelay(this::probe, PROBE_PERIOD.toNanos(), PROBE_PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs on the watchdog thread only, so its state needs no lock. */
    private void probe() {
        try {
            pubsub.roundTrip(STALL_AFTER);
            lastAnswer = System.nanoTime();
            if (stalled) {
                stalled = false;
                LOG.info("bus answers again: expiry resumed");
                listener.busBack();
            }
        } catch (RuntimeException noAnswer) {
            if (!stalled && System.nanoTime() - lastAnswer >= STALL_AFTER.toNanos()) {
                stalled = true;
                LOG.warn("bus has not answered a round trip for {} ms ({}): expiry paused until it does",
                        STALL_AFTER.toMillis(), noAnswer.toString());
                listener.busStalled();
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Told when the bus stalls and when it is back; called on the watchdog thread. */
    interface Listener {
        void busStalled();

        void busBack();
    }
}
