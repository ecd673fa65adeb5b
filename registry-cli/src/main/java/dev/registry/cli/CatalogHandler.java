package dev.registry.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.registry.Registry;
import dev.registry.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The read-only catalog endpoints, Consul-shaped ({@link CatalogJson}):
 * {@code GET /v1/catalog/service/<name>} (the instances of one service; a name not cached yet is looked up,
 * waiting up to the lookup timeout), {@code GET /v1/catalog/service/*} (every instance discovered on the bus)
 * and {@code GET /v1/catalog/services} (every name). {@code ?pretty} (Consul) or {@code ?indent} (the Go
 * facade) indents the JSON. No blocking queries, no ACL tokens. Thread-safe: exchanges run on the server's
 * executor.
 */
final class CatalogHandler implements HttpHandler {

    static final String SERVICE_PATH = "/v1/catalog/service/";
    static final String SERVICES_PATH = "/v1/catalog/services";

    private final Registry registry;
    private final Discovery discovery;

    CatalogHandler(Registry registry, Discovery discovery) {
        this.registry = registry;
        this.discovery = discovery;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                respond(exchange, 405, "text/plain", "only GET: the catalog is read-only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            boolean pretty = query != null && (query.contains("pretty") || query.contains("indent"));
            if (path.equals(SERVICES_PATH)) {
                respond(exchange, 200, "application/json", CatalogJson.names(discovery.names(), pretty));
            } else if (path.startsWith(SERVICE_PATH) && path.length() > SERVICE_PATH.length()) {
                String name = path.substring(SERVICE_PATH.length());
                List<Service> instances;
                try {
                    instances = name.equals("*") ? discovery.instances() : registry.getServices(name);
                } catch (IllegalArgumentException invalidName) {
                    respond(exchange, 400, "text/plain", invalidName.getMessage());
                    return;
                }
                respond(exchange, 200, "application/json", CatalogJson.entries(instances, pretty));
            } else {
                respond(exchange, 404, "text/plain", "not found; try " + SERVICE_PATH + "<name>, " + SERVICE_PATH
                        + "* or " + SERVICES_PATH);
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
