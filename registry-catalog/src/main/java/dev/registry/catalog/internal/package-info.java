/**
 * The catalog server's implementation: the indexed view of the bus, blocking queries, routing, the Consul and
 * Prometheus answers and their JSON records. Not an API: it may change without notice.
 */
package dev.registry.catalog.internal;
