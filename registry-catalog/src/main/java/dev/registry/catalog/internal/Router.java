package dev.registry.catalog.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.registry.Registry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request of the server: finds the endpoint of its path, accepts {@code GET} only (and {@code OPTIONS},
 * answered with the methods allowed, as Consul does), and turns what goes wrong into Consul's answers: a
 * plain-text reason with the status ({@code 400}, {@code 404}, {@code 405} with {@code Allow}, {@code 500}),
 * never an HTML page. Thread-safe; runs on the server's executor.
 */
public final class Router implements HttpHandler {

    /** The methods every endpoint allows, in Consul's {@code Allow} header. */
    static final String ALLOW = "OPTIONS,GET";

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Endpoint> exact;
    private final Map<String, Endpoint> prefixed;

    /**
     * The routes of a server.
     *
     * @param registry looks up services the catalog does not hold yet
     * @param state the catalog, fed by the registry's events
     * @param waiters where blocking queries and lookups wait
     * @param datacenter the datacenter every answer names
     * @param nodeName the server's node name
     * @param host the address the server listens on
     * @param port the port the server listens on
     */
    public Router(Registry registry, CatalogState state, Waiters waiters, String datacenter, String nodeName,
                  String host, int port) {
        this(new ServerContext(state, new BlockingQueries(state, waiters), new ColdLookups(registry, state, waiters),
                datacenter, nodeName, host, port));
    }

    private Router(ServerContext context) {
        this.exact = Map.of(
                "/v1/catalog/services", new CatalogServicesEndpoint(context),
                "/v1/catalog/nodes", new CatalogNodesEndpoint(context),
                "/v1/catalog/datacenters", request -> Responses.json(request, List.of(context.datacenter()), Map.of()),
                "/v1/agent/self", request -> Responses.json(request,
                        AgentSelfJson.of(context.datacenter(), context.nodeName(), context.host(), context.port()), Map.of()),
                "/v1/status/leader", request -> Responses.json(request, context.address(), Map.of()),
                "/v1/status/peers", request -> Responses.json(request, List.of(context.address()), Map.of()),
                PrometheusTargetsEndpoint.PATH, new PrometheusTargetsEndpoint(context));
        this.prefixed = Map.of(
                CatalogServiceEndpoint.PATH, new CatalogServiceEndpoint(context),
                HealthServiceEndpoint.PATH, new HealthServiceEndpoint(context));
    }

    /**
     * The service name after {@code prefix} in the request's path.
     *
     * @throws HttpError 400 {@code Missing service name}, Consul's answer to a path without one
     */
    static String serviceName(Request request, String prefix) throws HttpError {
        String name = request.path().substring(prefix.length());
        if (name.isEmpty()) {
            throw HttpError.badRequest("Missing service name");
        }
        return name;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Request request = Request.of(exchange);
        try {
            Endpoint endpoint = endpoint(request.path());
            if (endpoint == null) {
                throw new HttpError(404, "404 page not found: " + request.path() + " (this server answers GET on"
                        + " /v1/catalog/services, /v1/catalog/service/NAME, /v1/catalog/nodes, /v1/health/service/NAME,"
                        + " /v1/agent/self, /v1/status/leader and " + PrometheusTargetsEndpoint.PATH + ")");
            }
            switch (request.method()) {
                case "GET" -> endpoint.handle(request);
                case "OPTIONS" -> Responses.send(exchange, 200, "", "", Map.of("Allow", ALLOW));
                default -> Responses.error(request, new HttpError(405, "method " + request.method() + " not allowed"),
                        Map.of("Allow", ALLOW));
            }
        } catch (HttpError error) {
            Responses.error(request, error, Map.of());
        } catch (RuntimeException bug) {
            LOG.warn("cannot answer {} {}", request.method(), exchange.getRequestURI(), bug);
            Responses.error(request, new HttpError(500, String.valueOf(bug.getMessage())), Map.of());
        }
    }

    private Endpoint endpoint(String path) {
        Endpoint endpoint = exact.get(path);
        if (endpoint != null) {
            return endpoint;
        }
        for (Map.Entry<String, Endpoint> route : prefixed.entrySet()) {
            if (path.startsWith(route.getKey())) {
                return route.getValue();
            }
        }
        return null;
    }
}
