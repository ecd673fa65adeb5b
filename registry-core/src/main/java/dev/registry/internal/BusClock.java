package dev.registry.internal;

import dev.registry.Ticker;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The clock of expiry: the registry's ticker with the time the bus was unusable taken out. While the
 * transport is disconnected, or the bus is stalled (connected but not answering), the clock stands still, so
 * no instance expires because the bus (rather than the instance) is down; when the bus is back it resumes
 * where it stopped. Thread-safe.
 */
final class BusClock implements com.github.benmanes.caffeine.cache.Ticker {

    /** Why the clock stands still; it runs only when there is no reason. */
    enum Pause {
        DISCONNECTED,
        STALLED
    }

    private final Ticker ticker;
    private final Set<Pause> reasons = EnumSet.noneOf(Pause.class);
    /**
     * What {@link #read} needs, replaced as a whole under this object's monitor: every heartbeat and every cache
     * access reads the clock, on transport threads and the scheduler, so reading it takes no lock.
     */
    private volatile Reading reading = new Reading(false, 0, 0);
    /** Completed when the clock stops; a fresh one once it runs again. Replaced under this object's monitor. */
    private CompletableFuture<Void> stopped = new CompletableFuture<>();

    BusClock(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public long read() {
        Reading current = reading;
        return (current.standing ? current.pausedAt : ticker.read()) - current.pausedNanos;
    }

    /** Whether {@code reason} is the only reason the clock stands still: withdrawing it would let it run. */
    synchronized boolean onlyPausedFor(Pause reason) {
        return reasons.size() == 1 && reasons.contains(reason);
    }

    /** Whether the bus is known to be unusable now (disconnected or stalled). */
    synchronized boolean isPaused() {
        return !reasons.isEmpty();
    }

    /**
     * Completes once the bus is known to be unusable: at once if it is now. A caller waiting for the bus waits on it
     * too, so that it stops waiting as soon as the bus is known to be down.
     */
    synchronized CompletableFuture<Void> whenPaused() {
        return stopped;
    }

    /**
     * Stops the clock for {@code reason}. Idempotent per reason.
     *
     * @return whether the clock was running until now
     */
    boolean pause(Pause reason) {
        CompletableFuture<Void> nowStopped;
        boolean wasRunning;
        synchronized (this) {
            wasRunning = reasons.isEmpty();
            if (!reasons.add(reason) || !wasRunning) {
                return wasRunning;
            }
            reading = new Reading(true, ticker.read(), reading.pausedNanos);
            nowStopped = stopped;
        }
        nowStopped.complete(null); // outside the monitor: it wakes waiting callers
        return true;
    }

    /**
     * Withdraws {@code reason}; the clock runs again when no other reason holds it. Idempotent per reason.
     *
     * @return whether the clock runs again because of this call
     */
    synchronized boolean resume(Pause reason) {
        if (reasons.remove(reason) && reasons.isEmpty()) {
            Reading stood = reading;
            reading = new Reading(false, 0, stood.pausedNanos + ticker.read() - stood.pausedAt);
            stopped = new CompletableFuture<>();
            return true;
        }
        return false;
    }

    /** Whether the clock stands, since when (on the ticker), and how long it stood before. */
    private record Reading(boolean standing, long pausedAt, long pausedNanos) {
    }
}
