package dev.registry.catalog;

import dev.registry.Filter;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import dev.registry.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns what runs on a bus without knowing any name in advance: observes every name of the registry's main
 * topic and keeps the instances alive now. A name seen for the first time (from one instance's heartbeat) is
 * pinged at once, so that all its instances answer within milliseconds instead of at their next heartbeat. The
 * protocol offers no way to list names, so a name whose instances have not announced themselves since
 * discovery started (at most one register interval) is not known yet. {@code registry ls}, {@code watch} and
 * {@code serve} and the {@link CatalogServer} discover names this way.
 *
 * <p>Thread-safe: events arrive on the registry's listener threads (in order per name) and go on to the
 * downstream listener on the same thread; the views may be read from any thread. {@link #close()} stops
 * observing; the registry stays open, it is the caller's.
 */
public final class Discovery implements ServiceListener, AutoCloseable {

    /** A filter that lets nothing through. */
    private static final Filter NOTHING = instances -> List.of();

    private final Registry registry;
    private final ServiceListener downstream;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<String, Service> live = new ConcurrentHashMap<>();
    private volatile Subscription subscription = () -> { };

    private Discovery(Registry registry, ServiceListener downstream) {
        this.registry = registry;
        this.downstream = downstream;
    }

    /**
     * Starts observing every name on {@code registry}'s main topic; every event then goes on to
     * {@code downstream}, after this discovery's own views are updated. Returns once the subscription is
     * active (or the registry's lookup timeout has passed while the bus is down).
     *
     * @param registry the registry to observe with; it stays open after {@link #close()}
     * @param downstream called for every event, on the registry's listener thread; pass {@code event -> { }}
     *        for none
     * @return the running discovery
     */
    public static Discovery start(Registry registry, ServiceListener downstream) {
        Discovery discovery = new Discovery(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(downstream, "downstream"));
        discovery.subscription = registry.observeAll(discovery);
        return discovery;
    }

    /**
     * Asks every instance of {@code name} to announce itself now, without waiting; the answers arrive as
     * events. The registry pings when a lookup finds nothing usable in its cache, so a lookup whose filter lets
     * nothing through always pings, whatever is cached; its empty result is not needed.
     *
     * @param registry the registry to ping through
     * @param name a service name
     * @throws IllegalArgumentException if {@code name} is not a valid service name
     */
    public static void ping(Registry registry, String name) {
        registry.getServicesAsync(name, NOTHING);
    }

    /** Updates the views and passes {@code event} on; called by the registry. */
    @Override
    public void onEvent(ServiceEvent event) {
        switch (event.type()) {
            case REGISTERED, UPDATED -> live.put(event.service().id(), event.service());
            case UNREGISTERED, EXPIRED -> live.remove(event.service().id());
        }
        if (names.add(event.name())) {
            ping(registry, event.name());
        }
        downstream.onEvent(event);
    }

    /** Every instance alive now, in no particular order. */
    public List<Service> instances() {
        return List.copyOf(live.values());
    }

    /** The names with at least one instance alive now, sorted. */
    public SortedSet<String> names() {
        TreeSet<String> alive = new TreeSet<>();
        live.values().forEach(instance -> alive.add(instance.name()));
        return alive;
    }

    /** Stops observing; idempotent. Events already handed to this discovery may still reach the downstream. */
    @Override
    public void close() {
        subscription.close();
    }
}
