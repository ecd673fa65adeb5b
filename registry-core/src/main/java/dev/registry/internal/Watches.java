package dev.registry.internal;

import dev.registry.DependencyTimeoutException;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryException;
import dev.registry.Service;
import dev.registry.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * {@code Registry.watch} and {@code Registry.await}: instance-list watchers fed from the names' event lanes,
 * with an optional periodic refresh on the scheduler, and waiting for dependencies built on them. A pending
 * {@code await} is released by {@link #close()}. Thread-safe.
 */
final class Watches {

    private final NameTable names;
    private final ScheduledExecutorService scheduler;
    private final Function<String, CompletableFuture<List<Service>>> firstLookup;
    private final Set<CompletableFuture<Void>> pendingAwaits = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param firstLookup starts a lookup of a name (cold: asks the bus who is there); a watcher's first call
     *                    waits for it
     */
    Watches(NameTable names, ScheduledExecutorService scheduler, Function<String, CompletableFuture<List<Service>>> firstLookup) {
        this.names = names;
        this.scheduler = scheduler;
        this.firstLookup = firstLookup;
    }

    /** Starts a watch of an already validated {@code name}; {@code refreshEvery} may be null (no refresh). */
    Subscription watch(String name, @Nullable Duration refreshEvery, Consumer<List<Service>> watcher) {
        Objects.requireNonNull(watcher, "watcher");
        if (refreshEvery != null && (refreshEvery.isZero() || refreshEvery.isNegative())) {
            throw new IllegalArgumentException("refreshEvery must be > 0, but was " + refreshEvery);
        }
        InstanceWatch watch = new InstanceWatch(name, watcher);
        NameState state = names.acquire(name, s -> s.addListener(watch));
        watch.attach(state);
        ScheduledFuture<?> refresh = refreshEvery == null ? null : scheduler.scheduleWithFixedDelay(() -> watch.request(true),
                refreshEvery.toNanos(), refreshEvery.toNanos(), TimeUnit.NANOSECONDS);
        firstLookup.apply(name).whenComplete((found, failure) -> watch.requestInitial());
        return () -> {
            watch.stop();
            state.removeListener(watch);
            if (refresh != null) {
                refresh.cancel(false);
            }
        };
    }

    /** Returns once each of the already validated {@code names} has a passing instance; throws naming the others. */
    void await(Duration timeout, List<String> dependencies) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0, but was " + timeout);
        }
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        dependencies.forEach(name -> ready.put(name, new CompletableFuture<>()));
        CompletableFuture<Void> allReady = CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new));
        List<Subscription> watches = new ArrayList<>();
        pendingAwaits.add(allReady);
        try {
            if (closed) {
                throw new RegistryClosedException("registry is closed");
            }
            ready.forEach((name, future) -> watches.add(watch(name, null, passing -> {
                if (!passing.isEmpty()) {
                    future.complete(null);
                }
            })));
            allReady.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException expired) {
            List<String> missing = new ArrayList<>();
            ready.forEach((name, future) -> {
                if (!future.isDone()) {
                    missing.add(name);
                }
            });
            throw new DependencyTimeoutException(missing, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting for " + ready.keySet(), e);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RegistryClosedException) {
                throw new RegistryClosedException("registry closed while waiting for " + ready.keySet());
            }
            throw new RegistryException("waiting for " + ready.keySet() + " failed", failed.getCause());
        } finally {
            pendingAwaits.remove(allReady);
            watches.forEach(Subscription::close);
        }
    }

    /** Releases every pending {@code await} with {@link RegistryClosedException}. */
    void close() {
        closed = true;
        RegistryClosedException closedMeanwhile = new RegistryClosedException("registry closed");
        pendingAwaits.forEach(pending -> pending.completeExceptionally(closedMeanwhile));
    }
}
