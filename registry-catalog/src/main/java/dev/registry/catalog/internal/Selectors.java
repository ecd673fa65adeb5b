package dev.registry.catalog.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a filter selector out of an entry's JSON: each step of {@code Checks.Status} is a field, and a step
 * that meets a list goes into every element, as go-bexpr does for lists of structures. Stateless.
 */
final class Selectors {

    private Selectors() {
    }

    /**
     * The nodes {@code selector} names in {@code entry}: one per list element crossed on the way; a missing field
     * gives a missing node, so that every operator sees the selector as empty.
     */
    static List<JsonNode> resolve(JsonNode entry, List<String> selector) {
        List<JsonNode> nodes = List.of(entry);
        for (String step : selector) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                if (node.isArray()) {
                    node.forEach(element -> next.add(element.path(step)));
                } else {
                    next.add(node.path(step));
                }
            }
            nodes = next;
        }
        return nodes.isEmpty() ? List.of(MissingNode.getInstance()) : nodes;
    }

    /** The texts of a value node, or of every value element of a list; none for anything else. */
    static List<String> scalars(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isValueNode()) {
            texts.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isValueNode()) {
                    texts.add(element.asText());
                }
            });
        }
        return texts;
    }
}
