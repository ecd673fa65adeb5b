package dev.registry.tck;

import dev.registry.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that moves only when a test advances it. Thread-safe. */
public final class FakeTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    /** Moves time forward by {@code duration}. */
    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
