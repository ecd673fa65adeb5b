package dev.registry.internal;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import dev.registry.Subscription;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link ServiceEvent}s to listeners on the listener executor, in order per service name, isolating
 * listeners from each other: one that throws is logged and the others still run. Thread-safe; dispatching
 * only enqueues, so it may be called from a transport thread or under a cache lock.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Executor executor;
    private final ConcurrentMap<String, List<ServiceListener>> byName = new ConcurrentHashMap<>();
    private final List<ServiceListener> forAll = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, SerialExecutor> lanes = new ConcurrentHashMap<>();

    EventDispatcher(Executor executor) {
        this.executor = executor;
    }

    Subscription add(String name, ServiceListener listener) {
        List<ServiceListener> listeners = byName.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    Subscription addForAll(ServiceListener listener) {
        forAll.add(listener);
        return () -> forAll.remove(listener);
    }

    void dispatch(ServiceEvent event) {
        List<ServiceListener> named = byName.getOrDefault(event.name(), List.of());
        if (named.isEmpty() && forAll.isEmpty()) {
            return;
        }
        lane(event.name()).execute(() -> {
            named.forEach(listener -> deliver(listener, event));
            forAll.forEach(listener -> deliver(listener, event));
        });
    }

    /** Runs {@code task} in the lane of {@code name}, after the events already queued for that name. */
    void runInLane(String name, Runnable task) {
        lane(name).execute(task);
    }

    private SerialExecutor lane(String name) {
        SerialExecutor lane = lanes.get(name);
        return lane != null ? lane : lanes.computeIfAbsent(name, n -> new SerialExecutor(executor));
    }

    private static void deliver(ServiceListener listener, ServiceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | AssertionError failure) {
            LOG.warn("listener {} failed on {} of {}", listener, event.type(), event.service(), failure);
        }
    }
}
