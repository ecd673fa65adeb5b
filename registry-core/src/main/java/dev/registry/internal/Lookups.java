package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryException;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Lookups: filtering a name's cached instances, and the lookups the cache cannot answer yet.
 *
 * <p>A cold lookup registers a waiter on the name, asks for the name's subscriptions (on the I/O thread, or on its own
 * where the transport takes them unconfirmed) and, once the answers to a ping are sure to be delivered, pings the name
 * (one ping per name per lookup timeout, shared by concurrent lookups). A blocking lookup then waits on its own thread,
 * re-running the filters there each time the name's instances change, until one passes ({@code first}) or until the
 * answers to the ping have had the lookup timeout to arrive ({@code all}: every instance that answered, whatever
 * arrived first), and never past its own deadline. So the lookup timeout bounds the call whatever the bus does, a
 * throwing filter throws to the caller at once, and no filter runs on a registry or transport thread for it. An async
 * lookup does the same on the registry's callback executor. Deadlines are wall time (they bound how long a caller
 * waits); ping de-duplication reads the registry's ticker. Thread-safe.
 */
final class Lookups {

    private final List<Filter> defaultFilters;
    private final boolean hasDefaults;
    private final String hostName;
    private final long timeoutNanos;
    private final ScheduledExecutorService scheduler;
    private final ElasticExecutor callbacks;
    private final RegistryCounters counters;
    private final NameTable names;
    private final Observations observations;
    private final Ticker ticker;
    private final Consumer<String> ping;
    private volatile boolean closed;

    Lookups(RegistryOptions options, ScheduledExecutorService scheduler, ElasticExecutor callbacks,
            RegistryCounters counters, NameTable names, Observations observations, Consumer<String> ping) {
        this.defaultFilters = options.defaultFilters();
        this.hasDefaults = !defaultFilters.isEmpty();
        this.hostName = options.hostName();
        this.timeoutNanos = options.lookupTimeout().toNanos();
        this.ticker = options.ticker();
        this.scheduler = scheduler;
        this.callbacks = callbacks;
        this.counters = counters;
        this.names = names;
        this.observations = observations;
        this.ping = ping;
    }

    /** Whether the registry has default filters, which every lookup applies first. */
    boolean hasDefaultFilters() {
        return hasDefaults;
    }

    /** Checks a lookup's filters before anything else happens: a null filter is the caller's mistake. */
    static Filter[] requireFilters(Filter[] filters) {
        Objects.requireNonNull(filters, "filters");
        for (int i = 0; i < filters.length; i++) {
            if (filters[i] == null) {
                throw new NullPointerException("filter " + i + " of the lookup is null");
            }
        }
        return filters;
    }

    /** The default filters then {@code filters}, each on the previous one's result; stops at the first empty result. */
    List<Service> filter(NameState state, List<Service> instances, Filter[] filters) {
        List<Service> passed = applyDefaults(state, instances);
        for (int i = 0; i < filters.length && !passed.isEmpty(); i++) {
            passed = apply(state, filters[i], passed);
        }
        return passed;
    }

    /** The default filters then {@code filter}: {@link #filter(NameState, List, Filter[])} without an array. */
    List<Service> filter(NameState state, List<Service> instances, Filter filter) {
        List<Service> passed = applyDefaults(state, instances);
        return passed.isEmpty() ? passed : apply(state, filter, passed);
    }

    private List<Service> applyDefaults(NameState state, List<Service> instances) {
        List<Service> passed = instances;
        for (int i = 0; i < defaultFilters.size() && !passed.isEmpty(); i++) {
            passed = apply(state, defaultFilters.get(i), passed);
        }
        return passed;
    }

    /** A {@link RegistryFilter} runs with this registry's state ({@code Filters.loadBalance()}, {@code localhost()}). */
    private List<Service> apply(NameState state, Filter filter, List<Service> instances) {
        return filter instanceof RegistryFilter own ? own.applyIn(state, hostName, instances) : filter.apply(instances);
    }

    /** Waits on the caller's thread, at most {@code timeout}, for an instance passing {@code filters}; empty after it. */
    List<Service> first(String name, Duration timeout, Filter[] filters) {
        return await(name, filters, false, callTimeout(timeout));
    }

    /**
     * Waits on the caller's thread until the name's discovery round ends, or at most {@code timeout}; every instance
     * passing {@code filters}.
     */
    List<Service> all(String name, Duration timeout, Filter[] filters) {
        return await(name, filters, true, callTimeout(timeout));
    }

    /** A lookup's own timeout, checked: 0 (the cache only) to 1 h. */
    static long callTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("lookup timeout must be between PT0S and PT1H, but was " + timeout);
        }
        return timeout.toNanos();
    }

    /** {@link #first} without blocking: completes on the registry's callback executor. */
    CompletableFuture<List<Service>> firstAsync(String name, Filter[] filters) {
        return startAsync(name, filters, false);
    }

    /** {@link #all} without blocking: completes on the registry's callback executor. */
    CompletableFuture<List<Service>> allAsync(String name, Filter[] filters) {
        return startAsync(name, filters, true);
    }

    /**
     * Makes sure the name is subscribed and, once a ping's answers are sure to be delivered, pings it unless a ping
     * went out within the lookup timeout. Used by lookups and by observers that want the instances already there.
     */
    void discover(NameState state) {
        observations.pingable(state).thenRun(() -> pingIfDue(state));
    }

    /** Fails every pending lookup with {@link RegistryClosedException}: the registry is closing. */
    void close() {
        closed = true;
        names.all().forEach(NameState::wakeWaiters);
    }

    private List<Service> await(String name, Filter[] filters, boolean all, long waitNanos) {
        long started = System.nanoTime();
        long deadline = started + waitNanos;
        BlockingWaiter waiter = new BlockingWaiter();
        NameState state = names.acquire(name, s -> s.addWaiter(waiter));
        counters.lookupMisses.increment();
        try {
            discover(state);
            while (true) {
                if (closed) {
                    throw closedWhileWaiting(name);
                }
                long remaining = deadline - System.nanoTime();
                List<Service> passed = evaluate(state, filters, all, remaining <= 0);
                if (passed != null) {
                    return passed;
                }
                waiter.await(remaining, name);
            }
        } finally {
            state.removeWaiter(waiter);
            counters.coldLookup(System.nanoTime() - started);
        }
    }

    /**
     * One look at the cache for a pending lookup: its result when it is done (maybe empty, then counted as a
     * timeout), or null to keep waiting. Runs the filters, even on the answers so far of a lookup that collects
     * them all, so it throws what they throw as soon as they do.
     */
    private List<Service> evaluate(NameState state, Filter[] filters, boolean all, boolean timedOut) {
        List<Service> snapshot = state.snapshot;
        if (all && !state.warm && !timedOut) {
            if (!snapshot.isEmpty()) {
                filter(state, snapshot, filters); // answers so far: a filter that throws on them throws now
            }
            return null;
        }
        List<Service> passed = snapshot.isEmpty() ? snapshot : filter(state, snapshot, filters);
        if (!passed.isEmpty() || all) {
            if (passed.isEmpty()) {
                counters.lookupTimeouts.increment();
            }
            return passed;
        }
        if (timedOut) {
            counters.lookupTimeouts.increment();
            return passed;
        }
        return null;
    }

    private CompletableFuture<List<Service>> startAsync(String name, Filter[] filters, boolean all) {
        long started = System.nanoTime();
        AsyncLookup lookup = new AsyncLookup(name, filters, all);
        lookup.state = names.acquire(name, s -> s.addWaiter(lookup));
        counters.lookupMisses.increment();
        lookup.result.whenComplete((found, failure) -> {
            lookup.state.removeWaiter(lookup);
            counters.coldLookup(System.nanoTime() - started);
        });
        try {
            ScheduledFuture<?> timeout = scheduler.schedule(lookup::timeUp, timeoutNanos, TimeUnit.NANOSECONDS);
            lookup.result.whenComplete((found, failure) -> timeout.cancel(false));
        } catch (RejectedExecutionException closing) {
            lookup.result.completeExceptionally(closedWhileWaiting(name));
        }
        discover(lookup.state);
        lookup.wake();
        return lookup.result;
    }

    /**
     * Pings the name unless its latest ping's round is still on: sent within the lookup timeout, or its timer, which
     * ends the round, has not run yet (a busy scheduler runs it late, and answers may still be arriving).
     */
    private void pingIfDue(NameState state) {
        long now = ticker.read();
        long last = state.lastPing.get();
        boolean roundOn = last != Long.MIN_VALUE && (now - last < timeoutNanos || !state.warm);
        if (roundOn || !state.lastPing.compareAndSet(last, now)) {
            return;
        }
        state.warm = false;
        long round = state.pingRound.incrementAndGet();
        ping.accept(state.name);
        try {
            scheduler.schedule(() -> {
                if (state.pingRound.get() == round) {
                    state.warm = true;
                    state.wakeWaiters();
                }
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // close() wakes every waiter
        }
    }

    private static RegistryClosedException closedWhileWaiting(String name) {
        return new RegistryClosedException("registry closed while a lookup of '" + name + "' was waiting");
    }

    /** A blocking lookup's signal: released on every wake, so no change between two looks is missed. */
    private static final class BlockingWaiter implements LookupWaiter {
        private final Semaphore signal = new Semaphore(0);

        @Override
        public void wake() {
            signal.release();
        }

        void await(long nanos, String name) {
            try {
                if (nanos > 0 && signal.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                    signal.drainPermits();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while looking up '" + name + "'", interrupted);
            }
        }
    }

    /** An async lookup: each wake queues one look on the callback executor; the timeout forces the last one. */
    private final class AsyncLookup implements LookupWaiter {
        final String name;
        final Filter[] filters;
        final boolean all;
        final CompletableFuture<List<Service>> result = new CompletableFuture<>();
        final AtomicBoolean queued = new AtomicBoolean();
        volatile NameState state;
        volatile boolean timedOut;

        AsyncLookup(String name, Filter[] filters, boolean all) {
            this.name = name;
            this.filters = filters.clone();
            this.all = all;
        }

        @Override
        public void wake() {
            if (!result.isDone() && queued.compareAndSet(false, true)) {
                callbacks.executeOrRun(this::look);
            }
        }

        void timeUp() {
            timedOut = true;
            queued.set(false);
            wake();
        }

        private void look() {
            queued.set(false);
            NameState current = state;
            if (current == null || result.isDone()) {
                return;
            }
            if (closed) {
                result.completeExceptionally(closedWhileWaiting(name));
                return;
            }
            try {
                List<Service> passed = evaluate(current, filters, all, timedOut);
                if (passed != null) {
                    result.complete(passed);
                }
            } catch (RuntimeException | Error failed) {
                result.completeExceptionally(failed);
            }
        }
    }
}
