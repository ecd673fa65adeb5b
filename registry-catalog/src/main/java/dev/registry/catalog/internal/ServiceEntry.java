package dev.registry.catalog.internal;

import java.util.SortedMap;

/**
 * One service name in the catalog: its live instances and the index of its last change. A name whose last
 * instance left keeps its entry, empty, so that its index never goes back. Immutable.
 *
 * @param index the catalog index of the last change of any instance of this name
 * @param instances the live instances by {@link dev.registry.Service#id()}, sorted; unmodifiable
 */
public record ServiceEntry(long index, SortedMap<String, IndexedInstance> instances) {
}
