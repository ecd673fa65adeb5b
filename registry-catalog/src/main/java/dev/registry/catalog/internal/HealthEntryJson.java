package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of {@code GET /v1/health/service/:service}: an instance, its node and its checks, as Consul documents
 * the answer.
 *
 * @param node {@code Node}: where the instance runs
 * @param service {@code Service}: the instance
 * @param checks {@code Checks}: its one check, whose status is the instance's
 */
record HealthEntryJson(
        @JsonProperty("Node") NodeJson node,
        @JsonProperty("Service") AgentServiceJson service,
        @JsonProperty("Checks") List<CheckJson> checks) {

    /** The entry of {@code indexed} in {@code view}, in {@code datacenter}. */
    static HealthEntryJson of(IndexedInstance indexed, CatalogView view, String datacenter) {
        NodeEntry node = view.node(indexed.service().host());
        return new HealthEntryJson(NodeJson.of(node, indexed.service().connectHost(), datacenter),
                AgentServiceJson.of(indexed), List.of(CheckJson.of(indexed)));
    }
}
