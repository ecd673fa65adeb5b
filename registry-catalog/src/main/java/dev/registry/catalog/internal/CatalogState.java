package dev.registry.catalog.internal;

import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The catalog as the events of a registry build it: a {@link CatalogView} replaced by a new one on every event,
 * with the index of every part, then {@link Waiters#changed()} so that blocking queries whose answer changed
 * return. Each event raises the catalog index by one.
 *
 * <p>Thread-safe: events may arrive on several listener threads at once (in order per name) and are applied one
 * at a time; {@link #view()} is a volatile read, never blocked by an event.
 */
public final class CatalogState implements ServiceListener {

    private final Waiters waiters;
    private volatile CatalogView view = CatalogView.EMPTY;

    /** @param waiters told of every change, after the new view is published */
    public CatalogState(Waiters waiters) {
        this.waiters = waiters;
    }

    /** The catalog now. */
    public CatalogView view() {
        return view;
    }

    /** Applies {@code event}: called by the registry, through the {@link dev.registry.catalog.Discovery}. */
    @Override
    public void onEvent(ServiceEvent event) {
        apply(event);
        waiters.changed();
    }

    private synchronized void apply(ServiceEvent event) {
        CatalogView before = view;
        long index = before.index() + 1;
        Service service = event.service();
        TreeMap<String, ServiceEntry> services = before.servicesToChange();
        ServiceEntry entry = services.get(service.name());
        TreeMap<String, IndexedInstance> instances = entry == null ? new TreeMap<>() : new TreeMap<>(entry.instances());
        IndexedInstance previous = instances.get(service.id());
        switch (event.type()) {
            case REGISTERED, UPDATED -> instances.put(service.id(),
                    new IndexedInstance(service, previous == null ? index : previous.createIndex(), index));
            case UNREGISTERED, EXPIRED -> instances.remove(service.id());
        }
        services.put(service.name(), new ServiceEntry(index, Collections.unmodifiableSortedMap(instances)));
        boolean namesChanged = (entry == null || entry.instances().isEmpty()) != instances.isEmpty();

        Set<String> hosts = new HashSet<>();
        hosts.add(service.host());
        if (previous != null) {
            hosts.add(previous.service().host());
        }
        SortedMap<String, NodeEntry> nodes = nodes(before.nodes(), services, hosts, index);
        view = new CatalogView(index, Collections.unmodifiableSortedMap(services),
                namesChanged ? index : before.servicesIndex(), nodes,
                nodes.equals(before.nodes()) ? before.nodesIndex() : index);
    }

    /**
     * The nodes after a change that touched {@code hosts}: a node's address is that of its first instance in id
     * order, so only the touched hosts can change.
     */
    private static SortedMap<String, NodeEntry> nodes(SortedMap<String, NodeEntry> before,
                                                      SortedMap<String, ServiceEntry> services,
                                                      Set<String> hosts, long index) {
        TreeMap<String, NodeEntry> nodes = new TreeMap<>(before);
        for (String host : hosts) {
            String address = firstAddress(services, host);
            NodeEntry old = nodes.get(host);
            if (address == null) {
                nodes.remove(host);
            } else if (old == null) {
                nodes.put(host, new NodeEntry(host, address, index, index));
            } else if (!old.address().equals(address)) {
                nodes.put(host, new NodeEntry(host, address, old.createIndex(), index));
            }
        }
        return nodes.equals(before) ? before : Collections.unmodifiableSortedMap(nodes);
    }

    /** The node address of {@code host}'s first live instance in name and id order, or null when it has none. */
    private static String firstAddress(SortedMap<String, ServiceEntry> services, String host) {
        for (ServiceEntry entry : services.values()) {
            for (IndexedInstance instance : entry.instances().values()) {
                if (instance.service().host().equals(host)) {
                    return instance.service().connectHost();
                }
            }
        }
        return null;
    }
}
