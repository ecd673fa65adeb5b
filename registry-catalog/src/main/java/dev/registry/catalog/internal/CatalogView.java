package dev.registry.catalog.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One consistent state of the catalog with the index of each part, as blocking queries need them: an answer and
 * its {@code X-Consul-Index} always come from the same view. Immutable; {@link CatalogState} publishes a new one
 * on every change.
 *
 * @param index the catalog index: the number of changes so far, plus one; rises by one on every change
 * @param services every name ever seen, sorted, with its live instances (none for a name whose instances left)
 * @param servicesIndex the index of the last change of the set of names with live instances
 * @param nodes the nodes with live instances, by name, sorted
 * @param nodesIndex the index of the last change of the nodes
 */
public record CatalogView(long index, SortedMap<String, ServiceEntry> services, long servicesIndex,
                          SortedMap<String, NodeEntry> nodes, long nodesIndex) {

    /**
     * The view before any event. Its index is 1, not 0: Consul clients treat index 0 as "do not block" and 1 as
     * "wait for the first change", so every index this catalog reports is at least 1.
     */
    public static final CatalogView EMPTY = new CatalogView(1, Collections.emptySortedMap(), 1,
            Collections.emptySortedMap(), 1);

    /** The live instances of {@code name}, sorted by id; empty for a name without any. */
    public List<IndexedInstance> instances(String name) {
        ServiceEntry entry = services.get(name);
        return entry == null ? List.of() : List.copyOf(entry.instances().values());
    }

    /** The index of the last change of {@code name}'s instances; 1 for a name never seen. */
    public long index(String name) {
        ServiceEntry entry = services.get(name);
        return entry == null ? 1 : entry.index();
    }

    /** Every live instance, sorted by name then id. */
    public List<IndexedInstance> allInstances() {
        List<IndexedInstance> all = new ArrayList<>();
        services.values().forEach(entry -> all.addAll(entry.instances().values()));
        return all;
    }

    /** The names with at least one live instance, sorted. */
    public List<String> liveNames() {
        return services.entrySet().stream().filter(entry -> !entry.getValue().instances().isEmpty())
                .map(SortedMap.Entry::getKey).toList();
    }

    /**
     * The node of {@code host}. Every host of a live instance has one; for any other host (an instance that
     * left meanwhile) a node is made up at this view's index, so that callers need not handle its absence.
     */
    public NodeEntry node(String host) {
        NodeEntry node = nodes.get(host);
        return node != null ? node : new NodeEntry(host, host, index, index);
    }

    /** A copy of {@link #services()} to change, for building the next view. */
    TreeMap<String, ServiceEntry> servicesToChange() {
        return new TreeMap<>(services);
    }
}
