package dev.registry.catalog.internal;

import java.util.Map;

/**
 * Answers a {@link CatalogQuery} as Consul answers a blocking query: at once without an index; otherwise as soon
 * as the query's index rises above the client's, or when the wait is up, with the answer then current. Every
 * answer carries {@code X-Consul-Index}, {@code X-Consul-KnownLeader: true} and {@code X-Consul-LastContact: 0}:
 * the catalog is local to this server, which is its own leader.
 *
 * <p>An index higher than the whole catalog's comes from before this server started (the catalog lives in
 * memory): it is answered at once, so the client sees the index go back and starts over, as Consul's blocking
 * query documentation tells clients to. Thread-safe; waiting holds no thread ({@link Waiters}).
 */
final class BlockingQueries {

    private final CatalogState state;
    private final Waiters waiters;

    BlockingQueries(CatalogState state, Waiters waiters) {
        this.state = state;
        this.waiters = waiters;
    }

    /** Answers {@code query} for {@code request} now or once its answer is newer than {@code wait}'s index. */
    void answer(Request request, Wait wait, CatalogQuery query) {
        CatalogView view = state.view();
        if (!wait.blocks() || wait.newer(query.index(view)) || wait.fromBefore(view.index())) {
            respond(request, query, view);
            return;
        }
        waiters.park(() -> wait.newer(query.index(state.view())), wait.timeout(),
                () -> Guard.run(request, () -> respond(request, query, state.view())));
    }

    private static void respond(Request request, CatalogQuery query, CatalogView view) {
        Responses.json(request, query.body(view), Map.of("X-Consul-Index", Long.toString(query.index(view)),
                "X-Consul-KnownLeader", "true", "X-Consul-LastContact", "0"));
    }
}
