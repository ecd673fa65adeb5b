package dev.registry.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.registry.Registry;
import dev.registry.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The read-only catalog endpoints, Consul-shaped ({@link CatalogEntry}):
 * {@code GET /v1/catalog/service/<name>} (the instances of one service; a name not cached yet is looked up,
 * waiting up to the lookup timeout), {@code GET /v1/catalog/service/*} (every instance discovered on the bus)
 * and {@code GET /v1/catalog/services} (every name). {@code ?pretty} (Consul) or {@code ?indent} (the Go
 * facade) indents the JSON. No blocking queries, no ACL tokens. Thread-safe: exchanges run on the server's
 * executor.
 */
final class CatalogHandler implements HttpHandler {

    /** The path of one service's instances, followed by its name or {@code *}. */
    static final String SERVICE_PATH = "/v1/catalog/service/";
    /** The path of every name. */
    static final String SERVICES_PATH = "/v1/catalog/services";

    private final Registry registry;
    private final Discovery discovery;

    /**
     * @param registry looks up a name not discovered yet
     * @param discovery every instance and name discovered on the bus
     */
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
                respond(exchange, 200, "application/json", JsonText.write(names(discovery.names()), pretty));
            } else if (path.startsWith(SERVICE_PATH) && path.length() > SERVICE_PATH.length()) {
                String name = path.substring(SERVICE_PATH.length());
                List<Service> instances;
                try {
                    instances = name.equals("*") ? discovery.instances() : registry.getServices(name);
                } catch (IllegalArgumentException invalidName) {
                    respond(exchange, 400, "text/plain", invalidName.getMessage());
                    return;
                }
                respond(exchange, 200, "application/json", JsonText.write(CatalogEntry.sorted(instances), pretty));
            } else {
                respond(exchange, 404, "text/plain", "not found; try " + SERVICE_PATH + "<name>, " + SERVICE_PATH
                        + "* or " + SERVICES_PATH);
            }
        }
    }

    /** {@code GET /v1/catalog/services}: every name to its tags, none, as Consul answers it: {@code {"greeter":[]}}. */
    private static Map<String, List<String>> names(SortedSet<String> names) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        names.forEach(name -> tags.put(name, List.of()));
        return tags;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
