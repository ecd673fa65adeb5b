package dev.registry.internal;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers {@link ServiceEvent}s to listeners in each name's lane ({@link NameState#lane}): in order per service
 * name, one name's listeners never waiting for another's, and isolated from each other (one that throws is
 * logged and the others still run). {@link #dispatch} only enqueues, so it may be called under a cache lock and
 * on a transport thread. Thread-safe.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<ServiceListener> forAll = new CopyOnWriteArrayList<>();

    void addForAll(ServiceListener listener) {
        forAll.add(listener);
    }

    void removeForAll(ServiceListener listener) {
        forAll.remove(listener);
    }

    /** Queues {@code event} for the listeners of its name and of every name. */
    void dispatch(NameState state, ServiceEvent event) {
        List<ServiceListener> named = state.listeners;
        if (named.isEmpty() && forAll.isEmpty()) {
            return;
        }
        state.lane.execute(() -> {
            named.forEach(listener -> deliver(listener, event));
            forAll.forEach(listener -> deliver(listener, event));
        });
    }

    private static void deliver(ServiceListener listener, ServiceEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | AssertionError failure) {
            LOG.warn("listener {} failed on {} of {}", listener, event.type(), event.service(), failure);
        }
    }
}
