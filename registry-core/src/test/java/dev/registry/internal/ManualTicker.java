package dev.registry.internal;

import dev.registry.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when a test advances it. registry-core's own tests cannot use the kit's
 * {@code FakeTicker}: registry-tck depends on registry-core, not the other way round. Thread-safe.
 */
final class ManualTicker implements Ticker {

    /** Starts at 1 s, not 0, as a real nano clock starts at some arbitrary reading. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    /** Moves time forward by {@code duration}. */
    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
