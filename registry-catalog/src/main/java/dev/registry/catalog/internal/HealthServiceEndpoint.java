package dev.registry.catalog.internal;

import dev.registry.Status;
import java.util.List;

/**
 * {@code GET /v1/health/service/:service}: the instances of one service with their node and their check, whose
 * status is the instance's; {@code ?passing} keeps the passing ones only. A service the catalog holds no
 * instance of is looked up first ({@link ColdLookups}). Blocking; the index is that of the service's last
 * change. {@code ?tag=} and {@code ?node-meta=} keep nothing, {@code ?filter=} applies to each entry
 * ({@code Service.Meta.zone}, {@code Checks.Status}, ...), {@code ?near=} is ignored.
 */
final class HealthServiceEndpoint implements Endpoint {

    /** This endpoint's path, followed by the service name. */
    static final String PATH = "/v1/health/service/";

    private final ServerContext context;

    HealthServiceEndpoint(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handle(Request request) throws HttpError {
        String name = Router.serviceName(request, PATH);
        context.checkQuery(request);
        boolean passing = request.flag("passing");
        Selection selection = Selection.of(request, true);
        Wait wait = Wait.of(request);
        CatalogQuery query = new CatalogQuery() {
            @Override
            public long index(CatalogView view) {
                return view.index(name);
            }

            @Override
            public Object body(CatalogView view) {
                return selection.apply(view.instances(name).stream()
                        .filter(instance -> !passing || instance.service().status() == Status.PASSING)
                        .map(instance -> HealthEntryJson.of(instance, view, context.datacenter())).toList());
            }
        };
        context.lookups().discover(List.of(name)).thenRun(() -> Guard.run(request,
                () -> context.blocking().answer(request, wait, query)));
    }
}
