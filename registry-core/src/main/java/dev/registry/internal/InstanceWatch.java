package dev.registry.internal;

import dev.registry.Filters;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code Registry.watch}: hands the watcher the full list of passing instances of a name, first at once
 * and then after every change. It runs in the name's event lane, after the events that caused it, and reads
 * the name's current snapshot at that moment: a burst of events yields one call with the final list (the
 * later events find nothing new), and no call can carry a list older than one already delivered. A forced
 * delivery (the initial one, a periodic refresh) calls the watcher even when nothing changed.
 */
final class InstanceWatch implements ServiceListener {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceWatch.class);

    private final String name;
    private final Consumer<List<Service>> watcher;
    private volatile NameState state;
    private List<Service> delivered;
    private volatile boolean stopped;

    InstanceWatch(String name, Consumer<List<Service>> watcher) {
        this.name = name;
        this.watcher = watcher;
    }

    /** The name's state this watch listens on; it stays in use (not retired) while the watch is registered. */
    void attach(NameState listenedOn) {
        this.state = listenedOn;
    }

    @Override
    public void onEvent(ServiceEvent event) {
        deliver(false);
    }

    /** Queues a delivery in the name's lane; {@code force} delivers even an unchanged list. */
    void request(boolean force) {
        state.lane.execute(() -> deliver(force));
    }

    /** Queues the first delivery, unless a change already delivered a list. */
    void requestInitial() {
        state.lane.execute(() -> {
            if (delivered == null) {
                deliver(true);
            }
        });
    }

    /** Stops deliveries, including those already queued. */
    void stop() {
        stopped = true;
    }

    /** In the name's lane only, so {@link #delivered} needs no lock. */
    private void deliver(boolean force) {
        NameState current = state;
        if (stopped || current == null) {
            return;
        }
        List<Service> passing = Filters.passing().apply(current.snapshot);
        if (!force && passing.equals(delivered)) {
            return;
        }
        delivered = passing;
        try {
            watcher.accept(passing);
        } catch (RuntimeException | AssertionError failure) {
            LOG.warn("watcher {} of {} failed", watcher, name, failure);
        }
    }
}
