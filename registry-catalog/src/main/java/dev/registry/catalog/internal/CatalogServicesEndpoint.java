package dev.registry.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v1/catalog/services}: every service name with live instances, each with its tags (none), as
 * {@code {"web":[]}}. Blocking; the index rises when a name appears or goes (or, with {@code ?filter=}, on any
 * change, since a filter may read any field). {@code ?node-meta=} keeps nothing: nodes have no metadata.
 */
final class CatalogServicesEndpoint implements Endpoint {

    private final ServerContext context;

    CatalogServicesEndpoint(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handle(Request request) throws HttpError {
        context.checkQuery(request);
        Selection selection = Selection.of(request, false);
        Wait wait = Wait.of(request);
        context.blocking().answer(request, wait, new CatalogQuery() {
            @Override
            public long index(CatalogView view) {
                return selection.filtered() ? view.index() : view.servicesIndex();
            }

            @Override
            public Object body(CatalogView view) {
                Map<String, List<String>> names = new TreeMap<>();
                for (IndexedInstance instance : view.allInstances()) {
                    if (!names.containsKey(instance.service().name())
                            && selection.keeps(CatalogServiceJson.of(instance, context.datacenter()))) {
                        names.put(instance.service().name(), List.of());
                    }
                }
                return names;
            }
        });
    }
}
