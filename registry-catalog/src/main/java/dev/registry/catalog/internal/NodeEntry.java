package dev.registry.catalog.internal;

/**
 * A node of the catalog: a host name with at least one live instance, and the address Consul clients reach it
 * at. Immutable.
 *
 * @param name the host name instances announce
 * @param address the node's address (see {@link dev.registry.Service#connectHost()})
 * @param createIndex the catalog index at which the node appeared
 * @param modifyIndex the catalog index at which its address last changed
 */
public record NodeEntry(String name, String address, long createIndex, long modifyIndex) {
}
