package dev.registry.catalog.internal;

import java.util.Optional;

/**
 * What every endpoint works with: the catalog, its blocking queries and cold lookups, and what the server says
 * about itself. Immutable; its parts are thread-safe.
 *
 * @param state the catalog
 * @param blocking answers blocking queries
 * @param lookups looks up services the catalog does not hold yet
 * @param datacenter the datacenter every answer names
 * @param nodeName the server's own node name
 * @param host the address the server listens on
 * @param port the port the server listens on
 */
record ServerContext(CatalogState state, BlockingQueries blocking, ColdLookups lookups, String datacenter,
                     String nodeName, String host, int port) {

    /**
     * Checks the parameters every catalog and health query shares, as Consul checks them.
     *
     * @throws HttpError 500 {@code No path to datacenter} for another {@code ?dc=}, as Consul answers for a
     *         datacenter it cannot reach; 400 for {@code ?stale} with {@code ?consistent}
     */
    void checkQuery(Request request) throws HttpError {
        Optional<String> dc = request.first("dc");
        if (dc.isPresent() && !dc.get().isEmpty() && !dc.get().equals(datacenter)) {
            throw new HttpError(500, "No path to datacenter");
        }
        if (request.has("stale") && request.has("consistent")) {
            throw HttpError.badRequest("Cannot specify ?stale with ?consistent, conflicting semantics.");
        }
    }

    /** The server's address as Consul names a server: {@code host:port}. */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
