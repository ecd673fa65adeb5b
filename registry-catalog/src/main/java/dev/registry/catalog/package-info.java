/**
 * A registry's view of its bus, served over HTTP for tools that do not speak the registry's protocol:
 * {@link dev.registry.catalog.CatalogServer} answers Consul's catalog, health, agent and status API (with
 * blocking queries) and Prometheus HTTP service discovery, started in two lines:
 *
 * <pre>{@code
 * Registry registry = Registry.connect("nats://127.0.0.1:4222");
 * CatalogServer server = CatalogServer.start(registry, CatalogOptions.builder().port(8500).build());
 * }</pre>
 *
 * {@link dev.registry.catalog.Discovery} learns every name on a bus, as {@code registry ls} does. Everything
 * outside this package ({@code dev.registry.catalog.internal}) may change without notice.
 */
package dev.registry.catalog;
