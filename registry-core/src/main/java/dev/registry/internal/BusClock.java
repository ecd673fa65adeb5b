package dev.registry.internal;

import dev.registry.Ticker;

/**
 * The clock of expiry: the registry's ticker with the time the bus was unreachable taken out. While the
 * transport is disconnected the clock stands still, so no instance expires because the bus (rather than
 * the instance) is down; on reconnect it resumes where it stopped. Thread-safe.
 */
final class BusClock implements com.github.benmanes.caffeine.cache.Ticker {

    private final Ticker ticker;
    private long pausedNanos;
    private long pausedAt;
    private boolean paused;

    BusClock(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public synchronized long read() {
        return (paused ? pausedAt : ticker.read()) - pausedNanos;
    }

    /** Stops the clock (the transport disconnected). Idempotent. */
    synchronized void pause() {
        if (!paused) {
            paused = true;
            pausedAt = ticker.read();
        }
    }

    /** Restarts the clock (the transport reconnected). Idempotent. */
    synchronized void resume() {
        if (paused) {
            paused = false;
            pausedNanos += ticker.read() - pausedAt;
        }
    }
}
