package dev.registry.benchmarks.harness;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Arrival times of raw messages: the receiving callback stamps {@link System#nanoTime()} first thing, the
 * measuring thread takes the stamps in order. The stamp is taken on the receiving thread, so the measuring
 * thread's own wake-up is never part of a latency. Thread-safe.
 */
final class Arrivals {

    /** A message that has not arrived in this long is lost: the run stops rather than measure nonsense. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Long> stamps = new LinkedBlockingQueue<>();

    /** Called by the receiving callback. */
    void arrived() {
        stamps.add(System.nanoTime());
    }

    /** The stamp of the next arrival, waiting up to {@link #TIMEOUT}. */
    long next(String what) {
        try {
            Long stamp = stamps.poll(TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
            if (stamp == null) {
                throw new IllegalStateException(what + ": nothing arrived within " + TIMEOUT);
            }
            return stamp;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
