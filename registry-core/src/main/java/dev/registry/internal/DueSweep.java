package dev.registry.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The due check, on the registry's scheduler: runs when the next instance the cache lists falls due, and at the
 * latest one due-check period after the previous run. So a silent instance expires within a slot of the due index
 * (10 ms) after its due time instead of up to a whole period after it, and a cache with nothing due soon costs one
 * run per period. While the bus is down the clock of expiry stands and nothing can fall due: it runs once a period.
 * Each run also does {@code alsoEachRun} (housekeeping that wants the same rhythm). One run at a time; stops when
 * the scheduler shuts down.
 */
final class DueSweep implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DueSweep.class);
    /** Shortest pause between two runs, so a burst of due times cannot keep the scheduler thread busy. */
    private static final long MIN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ScheduledExecutorService scheduler;
    private final InstanceCache cache;
    private final BusClock clock;
    private final long periodNanos;
    private final Runnable alsoEachRun;

    DueSweep(ScheduledExecutorService scheduler, InstanceCache cache, BusClock clock, long periodNanos,
            Runnable alsoEachRun) {
        this.scheduler = scheduler;
        this.cache = cache;
        this.clock = clock;
        this.periodNanos = periodNanos;
        this.alsoEachRun = alsoEachRun;
    }

    /** Schedules the first run, one period from now. */
    void start() {
        schedule(periodNanos);
    }

    @Override
    public void run() {
        try {
            cache.expireDue();
            alsoEachRun.run();
        } catch (RuntimeException failed) {
            LOG.warn("due check failed; trying again at the next due time", failed);
        } finally {
            schedule(nextDelay());
        }
    }

    private long nextDelay() {
        if (clock.isPaused()) {
            return periodNanos;
        }
        long untilDue = cache.nextDueTime() - clock.read();
        return Math.max(MIN_DELAY_NANOS, Math.min(periodNanos, untilDue));
    }

    private void schedule(long delayNanos) {
        try {
            scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("registry closing: no further due check");
        }
    }
}
