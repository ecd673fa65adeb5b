package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.RegistryException;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lookups that the cache could not answer: ping the bus (one ping per name per lookup timeout, shared by
 * concurrent callers), then wait for an instance that passes the filters or collect answers until the
 * timeout. Waiters are checked on the scheduler thread, never on the transport's. Thread-safe.
 */
final class Lookups {

    private final List<Filter> defaultFilters;
    private final long timeoutNanos;
    private final ScheduledExecutorService scheduler;
    private final Executor callbackExecutor;
    private final RegistryCounters counters;
    private final Consumer<String> ping;
    private final ConcurrentMap<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> lastPing = new ConcurrentHashMap<>();

    Lookups(RegistryOptions options, ScheduledExecutorService scheduler, Executor callbackExecutor,
            RegistryCounters counters, Consumer<String> ping) {
        this.defaultFilters = options.defaultFilters();
        this.timeoutNanos = options.lookupTimeout().toNanos();
        this.scheduler = scheduler;
        this.callbackExecutor = callbackExecutor;
        this.counters = counters;
        this.ping = ping;
    }

    /** The default filters then {@code filters}, each on the previous one's result; stops at the first empty result. */
    List<Service> filter(List<Service> instances, Filter[] filters) {
        List<Service> passed = applyDefaults(instances);
        for (int i = 0; i < filters.length && !passed.isEmpty(); i++) {
            passed = filters[i].apply(passed);
        }
        return passed;
    }

    /** The default filters then {@code filter}: {@link #filter(List, Filter[])} without an array. */
    List<Service> filter(List<Service> instances, Filter filter) {
        List<Service> passed = applyDefaults(instances);
        return passed.isEmpty() ? passed : filter.apply(passed);
    }

    private List<Service> applyDefaults(List<Service> instances) {
        List<Service> passed = instances;
        for (int i = 0; i < defaultFilters.size() && !passed.isEmpty(); i++) {
            passed = defaultFilters.get(i).apply(passed);
        }
        return passed;
    }

    /** Completes with the first non-empty filtered result, or an empty list after the lookup timeout. */
    CompletableFuture<List<Service>> awaitFirst(String name, Filter[] filters, Function<String, List<Service>> snapshots) {
        return start(new Waiter(name, filters, false), snapshots);
    }

    /** Completes after the lookup timeout with every instance that passed the filters by then. */
    CompletableFuture<List<Service>> collectAll(String name, Filter[] filters, Function<String, List<Service>> snapshots) {
        return start(new Waiter(name, filters, true), snapshots);
    }

    /** The instances of {@code name} changed: re-check its waiters on the scheduler. Cheap when nobody waits. */
    void instancesChanged(String name, Function<String, List<Service>> snapshots) {
        Set<Waiter> waiting = waiters.get(name);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        try {
            scheduler.execute(() -> waiting.forEach(waiter -> waiter.check(snapshots.apply(name))));
        } catch (RejectedExecutionException closing) {
            // close() fails every waiter
        }
    }

    /** {@code lookup}'s outcome, delivered on the callback executor so callers' stages never run on registry threads. */
    <T> CompletableFuture<T> onListenerExecutor(CompletableFuture<T> lookup) {
        CompletableFuture<T> result = new CompletableFuture<>();
        lookup.whenComplete((value, failure) -> {
            Runnable complete = () -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                }
            };
            try {
                callbackExecutor.execute(complete);
            } catch (RejectedExecutionException closing) {
                complete.run();
            }
        });
        return result;
    }

    /** Fails every pending lookup: the registry is closing. */
    void close() {
        RegistryException closed = new RegistryException("registry closed while the lookup was waiting");
        waiters.values().forEach(waiting -> waiting.forEach(waiter -> waiter.future.completeExceptionally(closed)));
        waiters.clear();
    }

    private CompletableFuture<List<Service>> start(Waiter waiter, Function<String, List<Service>> snapshots) {
        counters.lookupMisses.increment();
        Set<Waiter> waiting = waiters.computeIfAbsent(waiter.name, n -> ConcurrentHashMap.newKeySet());
        waiting.add(waiter);
        waiter.future.whenComplete((found, failure) -> waiting.remove(waiter));
        pingUnlessRecent(waiter.name);
        // An answer may have arrived between the caller's cache check and the waiter's registration.
        waiter.check(snapshots.apply(waiter.name));
        try {
            waiter.timeout = scheduler.schedule(() -> waiter.expire(snapshots.apply(waiter.name)), timeoutNanos,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            waiter.future.completeExceptionally(new RegistryException("registry is closed"));
        }
        return waiter.future;
    }

    private void pingUnlessRecent(String name) {
        long now = System.nanoTime();
        AtomicLong last = lastPing.computeIfAbsent(name, n -> new AtomicLong(now - timeoutNanos));
        long previous = last.get();
        if (now - previous >= timeoutNanos && last.compareAndSet(previous, now)) {
            ping.accept(name);
        }
    }

    /** One pending lookup. */
    private final class Waiter {
        final String name;
        final Filter[] filters;
        final boolean collectAll;
        final CompletableFuture<List<Service>> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> timeout;

        Waiter(String name, Filter[] filters, boolean collectAll) {
            this.name = name;
            this.filters = filters.clone();
            this.collectAll = collectAll;
        }

        void check(List<Service> snapshot) {
            if (collectAll || snapshot.isEmpty() || future.isDone()) {
                return;
            }
            List<Service> passed = filter(snapshot, filters);
            if (!passed.isEmpty() && future.complete(passed)) {
                ScheduledFuture<?> pending = timeout;
                if (pending != null) {
                    pending.cancel(false);
                }
            }
        }

        void expire(List<Service> snapshot) {
            if (future.isDone()) {
                return;
            }
            List<Service> passed = snapshot.isEmpty() ? List.of() : filter(snapshot, filters);
            // Counted before completing, so a caller woken by the completion already sees it in stats().
            if (passed.isEmpty()) {
                counters.lookupTimeouts.increment();
            }
            future.complete(passed);
        }
    }
}
