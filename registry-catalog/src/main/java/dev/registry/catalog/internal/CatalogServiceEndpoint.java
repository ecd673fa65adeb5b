package dev.registry.catalog.internal;

import java.util.List;

/**
 * {@code GET /v1/catalog/service/:service}: the instances of one service, as Consul lists a service's nodes;
 * {@code *} for every instance on the bus (an addition of the registry's, kept from its first catalog). A
 * service the catalog holds no instance of is looked up first ({@link ColdLookups}). Blocking; the index is that
 * of the service's last change ({@code *}: of any change). {@code ?tag=} and {@code ?node-meta=} keep nothing
 * (no tags, no node metadata), {@code ?filter=} applies to each entry, {@code ?near=} is ignored (no network
 * coordinates).
 */
final class CatalogServiceEndpoint implements Endpoint {

    /** This endpoint's path, followed by the service name. */
    static final String PATH = "/v1/catalog/service/";
    /** The name standing for every service. */
    static final String EVERY = "*";

    private final ServerContext context;

    CatalogServiceEndpoint(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handle(Request request) throws HttpError {
        String name = Router.serviceName(request, PATH);
        context.checkQuery(request);
        Selection selection = Selection.of(request, true);
        Wait wait = Wait.of(request);
        CatalogQuery query = new CatalogQuery() {
            @Override
            public long index(CatalogView view) {
                return name.equals(EVERY) ? view.index() : view.index(name);
            }

            @Override
            public Object body(CatalogView view) {
                List<IndexedInstance> instances = name.equals(EVERY) ? view.allInstances() : view.instances(name);
                return selection.apply(instances.stream()
                        .map(instance -> CatalogServiceJson.of(instance, context.datacenter())).toList());
            }
        };
        List<String> lookUp = name.equals(EVERY) ? List.of() : List.of(name);
        context.lookups().discover(lookUp).thenRun(() -> Guard.run(request,
                () -> context.blocking().answer(request, wait, query)));
    }
}
