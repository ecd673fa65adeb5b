package dev.registry.catalog.internal;

/**
 * {@code GET /v1/catalog/nodes}: every node with live instances, sorted by name, each at the address of its
 * first instance. Blocking; the index rises when a node appears, goes or changes address. {@code ?node-meta=}
 * keeps nothing (no node metadata), {@code ?filter=} applies to each node, {@code ?near=} is ignored.
 */
final class CatalogNodesEndpoint implements Endpoint {

    private final ServerContext context;

    CatalogNodesEndpoint(ServerContext context) {
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
                return view.nodesIndex();
            }

            @Override
            public Object body(CatalogView view) {
                return selection.apply(view.nodes().values().stream()
                        .map(node -> NodeJson.of(node, node.address(), context.datacenter())).toList());
            }
        });
    }
}
