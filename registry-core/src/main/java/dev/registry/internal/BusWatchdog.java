package dev.registry.internal;

import dev.registry.Ticker;
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
 * The watchdog asks the transport for a round trip every period; when none succeeded for the stall threshold
 * (on the registry's ticker) it declares the bus stalled (expiry pauses) and when one succeeds again it
 * declares it back (expiry resumes, the registry re-announces and re-pings). Runs on its own daemon thread
 * ({@code registry-watchdog-<id>}) because a round trip to a stalled bus blocks for up to the stall threshold.
 */
final class BusWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusWatchdog.class);

    private final Pubsub pubsub;
    private final Listener listener;
    private final Ticker ticker;
    private final Duration stallAfter;
    private final ScheduledExecutorService thread;
    private long lastAnswer;
    private boolean stalled;

    BusWatchdog(Pubsub pubsub, int registryId, Duration period, Duration stallAfter, Ticker ticker, Listener listener) {
        this.pubsub = pubsub;
        this.listener = listener;
        this.ticker = ticker;
        this.stallAfter = stallAfter;
        this.lastAnswer = ticker.read();
        this.thread = Executors.newSingleThreadScheduledExecutor(RegistryThreads.named("watchdog", registryId));
        thread.scheduleWithFixedDelay(this::probe, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs on the watchdog thread only, so its state needs no lock. */
    private void probe() {
        try {
            pubsub.roundTrip(stallAfter);
            lastAnswer = ticker.read();
            if (stalled) {
                stalled = false;
                LOG.info("bus answers again: expiry resumed");
                listener.busBack();
            }
        } catch (RuntimeException noAnswer) {
            if (!stalled && ticker.read() - lastAnswer >= stallAfter.toNanos()) {
                stalled = true;
                LOG.warn("bus has not answered a round trip for {} ms ({}): expiry paused until it does",
                        stallAfter.toMillis(), noAnswer.toString());
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
