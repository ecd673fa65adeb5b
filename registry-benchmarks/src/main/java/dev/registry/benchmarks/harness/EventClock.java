package dev.registry.benchmarks.harness;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A listener that stamps each event with {@link System#nanoTime()} as the registry delivers it (on the
 * registry's listener thread, where an application's listener runs), and lets the measuring thread wait for
 * a particular one: the first not yet taken event of a type for one instance. Events nobody waits for stay
 * until the clock is dropped. Thread-safe.
 */
final class EventClock implements ServiceListener {

    private final Map<String, CompletableFuture<Long>> stamps = new ConcurrentHashMap<>();

    @Override
    public void onEvent(ServiceEvent event) {
        long now = System.nanoTime();
        stamp(event.type(), event.name(), event.service().address()).complete(now);
    }

    /** The delivery time of the first untaken {@code type} event of instance {@code address} of {@code name}. */
    long await(ServiceEvent.Type type, String name, String address, Duration timeout) {
        try {
            return stamp(type, name, address).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("no " + type + " of " + name + " " + address + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type, e);
        } finally {
            stamps.remove(type + " " + name + " " + address);
        }
    }

    /** As {@link #await(ServiceEvent.Type, String, String, Duration)} with {@link Bench#TIMEOUT}. */
    long await(ServiceEvent.Type type, String name, String address) {
        return await(type, name, address, Bench.TIMEOUT);
    }

    private CompletableFuture<Long> stamp(ServiceEvent.Type type, String name, String address) {
        return stamps.computeIfAbsent(type + " " + name + " " + address, key -> new CompletableFuture<>());
    }
}
