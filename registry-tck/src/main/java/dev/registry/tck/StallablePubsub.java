package dev.registry.tck;

import dev.registry.spi.ForwardingPubsub;
import dev.registry.spi.Pubsub;
import dev.registry.TransportException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Pubsub} decorator whose {@link #roundTrip(Duration) round trip} a test can make fail or block, as a
 * paused broker does while its TCP connections stay open: what the registry's bus watchdog must notice.
 * Everything else (publish, subscribe, connection listeners, close) goes to the decorated transport unchanged, so
 * messages keep flowing: only the watchdog's probe sees the stall. Counts the round trips it was asked for, those
 * answered and those refused, so a test can wait for the watchdog to have probed. Thread-safe.
 */
public final class StallablePubsub extends ForwardingPubsub {

    /** How {@link #roundTrip(Duration)} behaves. */
    public enum Mode {
        /** Passes the round trip to the decorated transport. */
        ANSWER,
        /** Throws a {@link TransportException} at once. */
        FAIL,
        /** Blocks until the mode changes or the round trip's timeout passes, then throws a {@link TransportException}. */
        BLOCK
    }

    private volatile Mode mode = Mode.ANSWER;
    private volatile CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    /** Decorates {@code delegate}, answering round trips until told otherwise ({@link Mode#ANSWER}). */
    public StallablePubsub(Pubsub delegate) {
        super(delegate);
    }

    /** Round trips fail at once from now on. */
    public void stall() {
        mode(Mode.FAIL);
    }

    /** Round trips go to the decorated transport again (and blocked ones give up at once). */
    public void unstall() {
        mode(Mode.ANSWER);
    }

    /** Sets how round trips behave from now on; a round trip blocked in {@link Mode#BLOCK} is released. */
    public void mode(Mode newMode) {
        Objects.requireNonNull(newMode, "mode");
        CountDownLatch previous = released;
        released = new CountDownLatch(1);
        mode = newMode;
        previous.countDown();
    }

    /** Round trips the registry asked for so far. */
    public long roundTrips() {
        return asked.get();
    }

    /** Round trips that the decorated transport answered. */
    public long answeredRoundTrips() {
        return answered.get();
    }

    /** Round trips refused (failed or timed out) because of the stall. */
    public long refusedRoundTrips() {
        return refused.get();
    }

    @Override
    public void roundTrip(Duration timeout) {
        asked.incrementAndGet();
        Mode now = mode;
        if (now == Mode.BLOCK) {
            CountDownLatch release = released;
            try {
                release.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (now != Mode.ANSWER) {
            refused.incrementAndGet();
            throw new TransportException("round trip refused: the bus is stalled by the test (" + now + ")");
        }
        delegate().roundTrip(timeout);
        answered.incrementAndGet();
    }

    @Override
    public void close() {
        mode(Mode.ANSWER);
        super.close();
    }

    @Override
    public String toString() {
        return "Stallable(" + delegate() + ", " + mode + ")";
    }
}
