package dev.registry.cli;

import dev.registry.Filter;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns what runs on a bus without knowing any name in advance: observes every name of the main topic and
 * keeps the instances alive now. A name seen for the first time (from one instance's heartbeat) is pinged
 * at once, so that all its instances answer within milliseconds instead of at their next heartbeat. The
 * protocol offers no way to list names, so a name whose instances have not announced themselves since
 * discovery started (at most one register interval) is not known yet.
 *
 * <p>Thread-safe: events arrive on the registry's listener thread; the views may be read from any thread.
 */
final class Discovery implements ServiceListener {

    /** A filter that lets nothing through. */
    private static final Filter NOTHING = instances -> List.of();

    private final Registry registry;
    private final ServiceListener downstream;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Map<List<String>, Service> live = new ConcurrentHashMap<>();

    private Discovery(Registry registry, ServiceListener downstream) {
        this.registry = registry;
        this.downstream = downstream;
    }

    /** Starts observing every name on {@code registry}'s main topic; every event then goes on to {@code downstream}. */
    static Discovery start(Registry registry, ServiceListener downstream) {
        Discovery discovery = new Discovery(registry, downstream);
        registry.observeAll(discovery);
        return discovery;
    }

    /**
     * Asks every instance of {@code name} to announce itself now; the answers arrive as events. The registry
     * pings when a lookup finds nothing usable in its cache, so a lookup whose filter lets nothing through
     * always pings, whatever is cached; its empty result is not needed.
     */
    static void ping(Registry registry, String name) {
        registry.getServicesAsync(name, NOTHING);
    }

    @Override
    public void onEvent(ServiceEvent event) {
        List<String> key = List.of(event.name(), event.service().address());
        switch (event.type()) {
            case REGISTERED, UPDATED -> live.put(key, event.service());
            case UNREGISTERED, EXPIRED -> live.remove(key);
        }
        if (names.add(event.name())) {
            ping(registry, event.name());
        }
        downstream.onEvent(event);
    }

    /** Every instance alive now. */
    List<Service> instances() {
        return List.copyOf(live.values());
    }

    /** The names with at least one instance alive now, sorted. */
    SortedSet<String> names() {
        TreeSet<String> alive = new TreeSet<>();
        live.keySet().forEach(key -> alive.add(key.get(0)));
        return alive;
    }
}
