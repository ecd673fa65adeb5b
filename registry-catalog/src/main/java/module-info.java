/**
 * An embeddable HTTP server that shows a registry to Consul clients (a subset of Consul's HTTP API) and to
 * Prometheus (HTTP service discovery). {@code dev.registry.catalog.internal} holds the endpoints and their
 * JSON and is not exported.
 */
module dev.registry.catalog {
    exports dev.registry.catalog;

    requires transitive dev.registry;
    requires jdk.httpserver;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // Jackson reads and writes the endpoints' JSON records by reflection.
    opens dev.registry.catalog.internal to com.fasterxml.jackson.databind;
}
