package dev.registry.internal;

import dev.registry.HealthCheck;
import dev.registry.Status;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link HealthCheck}s of a registry's own registrations. The scheduler thread only starts probes
 * and counts their outcomes; probes run on a bounded pool ({@value #THREADS} daemon threads named
 * {@code registry-health-<id>}), so a slow or hanging probe never delays a heartbeat. A probe still running
 * when its check is due again is not started twice: each interval it still hangs counts as one more failure.
 */
final class HealthMonitor implements AutoCloseable {

    static final int THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final ScheduledExecutorService scheduler;
    private final ThreadPoolExecutor pool;

    HealthMonitor(ScheduledExecutorService scheduler, int registryId) {
        this.scheduler = scheduler;
        this.pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                RegistryThreads.named("health", registryId));
        pool.allowCoreThreadTimeOut(true);
    }

    /** Starts checking {@code registration}; the check stops when it is unregistered. */
    void start(DefaultRegistration registration, HealthCheck check) {
        CheckRun run = new CheckRun(registration, check);
        long interval = check.interval().toNanos();
        try {
            run.schedule = scheduler.scheduleWithFixedDelay(run::tick, 0, interval, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the registry closed meanwhile, which unregistered the instance: nothing left to check
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The state of one check; touched on the scheduler thread only, except {@link #inFlight}. */
    private final class CheckRun {
        private final DefaultRegistration registration;
        private final HealthCheck check;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private long attempt;
        private boolean attemptDone;
        private int failures;
        volatile ScheduledFuture<?> schedule;

        CheckRun(DefaultRegistration registration, HealthCheck check) {
            this.registration = registration;
            this.check = check;
        }

        void tick() {
            if (!registration.isRegistered()) {
                ScheduledFuture<?> self = schedule;
                if (self != null) {
                    self.cancel(false);
                }
                return;
            }
            if (!inFlight.compareAndSet(false, true)) {
                if (attemptDone) {
                    failed("the probe started earlier still hangs");
                }
                return;
            }
            long current = ++attempt;
            attemptDone = false;
            try {
                pool.execute(() -> probe(current));
                scheduler.schedule(() -> outcome(current, null, "no answer within " + check.timeout().toMillis() + " ms"),
                        check.timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                inFlight.set(false);
            }
        }

        /** On a pool thread. */
        private void probe(long current) {
            Status status = null;
            String failure = null;
            try {
                status = check.probe().probe(check.timeout());
            } catch (Exception | AssertionError failed) {
                failure = failed.toString();
            } finally {
                inFlight.set(false);
            }
            Status answered = status;
            String problem = failure;
            try {
                scheduler.execute(() -> outcome(current, answered, problem));
            } catch (RejectedExecutionException closing) {
                // the registry is closing: the outcome no longer matters
            }
        }

        /** On the scheduler thread: the first outcome of an attempt (answer or timeout) counts. */
        private void outcome(long current, Status status, String failure) {
            if (current != attempt || attemptDone || !registration.isRegistered()) {
                return;
            }
            attemptDone = true;
            if (status != null) {
                failures = 0;
                registration.updateStatus(status);
                return;
            }
            failed(failure);
        }

        private void failed(String failure) {
            failures++;
            LOG.debug("health check {} of {} failed ({} of {}): {}", check, registration.service().address(),
                    failures, check.retries(), failure);
            if (failures >= check.retries()) {
                registration.updateStatus(Status.CRITICAL);
            }
        }
    }
}
