package dev.registry.catalog.internal;

import dev.registry.Service;

/**
 * An instance as the catalog holds it: the instance and the indexes of its first and last change, which Consul
 * clients read as {@code CreateIndex} and {@code ModifyIndex}. Immutable.
 *
 * @param service the instance as last announced
 * @param createIndex the catalog index at which it appeared
 * @param modifyIndex the catalog index of its last change
 */
public record IndexedInstance(Service service, long createIndex, long modifyIndex) {
}
