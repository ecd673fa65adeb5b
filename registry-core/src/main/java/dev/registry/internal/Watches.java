package dev.registry.internal;

import dev.registry.DependencyTimeoutException;
import dev.registry.RegistryException;
import dev.registry.Service;
import dev.registry.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code Registry.watch} and {@code Registry.await}: instance-list watchers fed from the event lanes, with
 * an optional periodic refresh on the scheduler, and waiting for dependencies built on them. Thread-safe.
 */
final class Watches {

    private final EventDispatcher dispatcher;
    private final Function<String, List<Service>> snapshots;
    private final ScheduledExecutorService scheduler;
    private final Function<String, CompletableFuture<List<Service>>> firstLookup;

    /**
     * @param firstLookup starts a lookup of a name (cold: asks the bus who is there); a watcher's first call
     *                    waits for it
     */
    Watches(EventDispatcher dispatcher, Function<String, List<Service>> snapshots, ScheduledExecutorService scheduler,
            Function<String, CompletableFuture<List<Service>>> firstLookup) {
        this.dispatcher = dispatcher;
        this.snapshots = snapshots;
        this.scheduler = scheduler;
        this.firstLookup = firstLookup;
    }

    /** Starts a watch of an already validated {@code name}; {@code refreshEvery} may be null (no refresh). */
    Subscription watch(String name, Duration refreshEvery, Consumer<List<Service>> watcher) {
        Objects.requireNonNull(watcher, "watcher");
        if (refreshEvery != null && (refreshEvery.isZero() || refreshEvery.isNegative())) {
            throw new IllegalArgumentException("refreshEvery must be > 0, but was " + refreshEvery);
        }
        InstanceWatch watch = new InstanceWatch(name, watcher, snapshots, dispatcher);
        Subscription events = dispatcher.add(name, watch);
        ScheduledFuture<?> refresh = refreshEvery == null ? null : scheduler.scheduleWithFixedDelay(() -> watch.request(true),
                refreshEvery.toNanos(), refreshEvery.toNanos(), TimeUnit.NANOSECONDS);
        firstLookup.apply(name).whenComplete((found, failure) -> watch.requestInitial());
        return watch.stopping(events, () -> {
            if (refresh != null) {
                refresh.cancel(false);
            }
        });
    }

    /** Returns once each of the already validated {@code names} has a passing instance; throws naming the others. */
    void await(Duration timeout, List<String> names) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0, but was " + timeout);
        }
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        names.forEach(name -> ready.put(name, new CompletableFuture<>()));
        List<Subscription> watches = new ArrayList<>();
        try {
            ready.forEach((name, future) -> watches.add(watch(name, null, passing -> {
                if (!passing.isEmpty()) {
                    future.complete(null);
                }
            })));
            CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
        } catch (ExecutionException impossible) {
            throw new RegistryException("waiting for " + ready.keySet() + " failed", impossible.getCause());
        } finally {
            watches.forEach(Subscription::close);
        }
    }
}
