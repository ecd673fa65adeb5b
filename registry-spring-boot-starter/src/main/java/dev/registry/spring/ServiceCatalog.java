package dev.registry.spring;

import dev.registry.Filter;
import dev.registry.Registry;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import dev.registry.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every service name on the registry's main topic that has a live instance, learnt as the {@code registry ls}
 * command learns it: it observes every name, and pings a name as soon as it first hears of it, so that all the
 * name's instances announce themselves at once rather than at their next heartbeat. The protocol has no message
 * listing names, so a name is known once one of its instances has announced itself since the catalog started
 * (it registered, sent a heartbeat, at most one register interval apart, or answered a lookup), and forgotten
 * when its last instance unregisters or expires.
 *
 * <p>Observing every name makes the registry receive every heartbeat and cache every instance of the main topic,
 * so that lookups of any live name are answered from the cache. Thread-safe: events arrive on the registry's
 * listener threads; {@link #names()} may be called from any thread.
 */
public final class ServiceCatalog implements ServiceListener, AutoCloseable {

    /** A filter that lets nothing through: a lookup with it always pings, and its empty result is not needed. */
    private static final Filter NOTHING = instances -> List.of();

    private final Registry registry;
    private final Map<String, Set<String>> liveAddresses = new ConcurrentHashMap<>();
    private volatile Subscription subscription;

    private ServiceCatalog(Registry registry) {
        this.registry = registry;
    }

    /** Starts learning the names on {@code registry}'s main topic; returns once it observes them. */
    public static ServiceCatalog start(Registry registry) {
        ServiceCatalog catalog = new ServiceCatalog(registry);
        catalog.subscription = registry.observeAll(catalog);
        return catalog;
    }

    /** The names with at least one live instance now, sorted. */
    public List<String> names() {
        return liveAddresses.keySet().stream().sorted().toList();
    }

    @Override
    public void onEvent(ServiceEvent event) {
        String name = event.name();
        String address = event.service().address();
        switch (event.type()) {
            case REGISTERED, UPDATED -> {
                boolean firstOfName = !liveAddresses.containsKey(name);
                liveAddresses.compute(name, (n, addresses) -> with(addresses, address));
                if (firstOfName) {
                    registry.getServicesAsync(name, NOTHING); // the name's other instances answer now
                }
            }
            case UNREGISTERED, EXPIRED -> liveAddresses.computeIfPresent(name, (n, addresses) -> {
                addresses.remove(address);
                return addresses.isEmpty() ? null : addresses;
            });
        }
    }

    private static Set<String> with(Set<String> addresses, String address) {
        Set<String> updated = addresses == null ? ConcurrentHashMap.newKeySet() : addresses;
        updated.add(address);
        return updated;
    }

    /** Stops observing. Idempotent. */
    @Override
    public void close() {
        subscription.close();
    }
}
