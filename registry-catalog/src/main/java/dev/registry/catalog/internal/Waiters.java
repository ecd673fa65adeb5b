package dev.registry.catalog.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Requests parked until the catalog changes in a way they wait for, or until their time is up: blocking queries
 * and lookups waiting for the catalog to catch up. A parked request holds no thread: it is a condition and an
 * action, and the action runs once on the server's executor, when the condition holds after a change or when the
 * timeout passes, whichever comes first.
 *
 * <p>Thread-safe. {@link #changed()} runs on the registry's listener threads and only evaluates the conditions
 * (cheap index comparisons); the actions run on the executor.
 */
public final class Waiters {

    private final ScheduledExecutorService executor;
    private final Set<Waiter> parked = ConcurrentHashMap.newKeySet();

    /** @param executor runs the actions and the timeouts; the server's */
    public Waiters(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code action} once, on the executor: as soon as {@code ready} holds after a change (or holds already),
     * or after {@code timeout}.
     *
     * @param ready the condition, evaluated on a listener thread after every change: must be quick and never throw
     * @param timeout the longest wait
     * @param action what to do then; it reads the catalog anew
     */
    public void park(BooleanSupplier ready, Duration timeout, Runnable action) {
        Waiter waiter = new Waiter(ready, action);
        parked.add(waiter);
        try {
            waiter.timeout = executor.schedule(() -> fire(waiter), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // the server is closing: its connections close with it, nobody is waiting for the answer
            parked.remove(waiter);
            return;
        }
        // a change may have come between the caller's look at the catalog and the waiter's parking
        if (ready.getAsBoolean()) {
            fire(waiter);
        }
    }

    /** Releases every parked request whose condition holds now; called after every change of the catalog. */
    public void changed() {
        for (Waiter waiter : parked) {
            if (waiter.ready.getAsBoolean()) {
                fire(waiter);
            }
        }
    }

    /** The requests parked now, for tests and diagnostics. */
    public int size() {
        return parked.size();
    }

    private void fire(Waiter waiter) {
        if (!waiter.fired.compareAndSet(false, true)) {
            return;
        }
        parked.remove(waiter);
        ScheduledFuture<?> timeout = waiter.timeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        try {
            executor.execute(waiter.action);
        } catch (RejectedExecutionException closed) {
            // the server is closing, and the request's connection with it
        }
    }

    /** One parked request. */
    private static final class Waiter {
        private final BooleanSupplier ready;
        private final Runnable action;
        private final AtomicBoolean fired = new AtomicBoolean();
        private volatile ScheduledFuture<?> timeout;

        private Waiter(BooleanSupplier ready, Runnable action) {
            this.ready = ready;
            this.action = action;
        }
    }
}
