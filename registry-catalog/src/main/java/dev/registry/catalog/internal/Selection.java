package dev.registry.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a request's {@code ?tag=}, {@code ?node-meta=} and {@code ?filter=} keep of a list of entries, as Consul
 * documents them. Instances have no tags and nodes no metadata in the registry, so asking for any tag or node
 * metadata keeps nothing (Consul keeps the entries that have all of those asked for); a filter is evaluated on
 * each entry's JSON ({@link FilterExpression}). Immutable.
 */
final class Selection {

    private final boolean nothing;
    private final Predicate<JsonNode> filter;

    private Selection(boolean nothing, Predicate<JsonNode> filter) {
        this.nothing = nothing;
        this.filter = filter;
    }

    /**
     * The selection {@code request} asks for.
     *
     * @param tagged whether the endpoint lists service instances, which {@code ?tag=} applies to
     * @throws HttpError 400 for a filter that is not an expression
     */
    static Selection of(Request request, boolean tagged) throws HttpError {
        Predicate<JsonNode> filter = null;
        if (request.has("filter") && !request.first("filter").orElseThrow().isBlank()) {
            try {
                filter = FilterExpression.parse(request.first("filter").orElseThrow());
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("Failed to create boolean expression evaluator: " + e.getMessage());
            }
        }
        return new Selection(request.has("node-meta") || tagged && request.has("tag"), filter);
    }

    /** Whether a filter expression applies, so that the answer may change with any field of any entry. */
    boolean filtered() {
        return filter != null;
    }

    /** Whether {@code entry} (a JSON record) is kept. */
    boolean keeps(Object entry) {
        return !nothing && (filter == null || filter.test(Responses.tree(entry)));
    }

    /** The entries kept, in order. */
    <T> List<T> apply(List<T> entries) {
        return nothing ? List.of() : entries.stream().filter(this::keeps).toList();
    }
}
