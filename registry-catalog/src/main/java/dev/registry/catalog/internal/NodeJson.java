package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A node as Consul writes one in {@code GET /v1/catalog/nodes} and in the {@code Node} of
 * {@code GET /v1/health/service/:service}.
 *
 * @param id {@code ID}: the node's id ({@link ConsulShapes#nodeId})
 * @param node {@code Node}: the host name
 * @param address {@code Address}: where the node is reached
 * @param datacenter {@code Datacenter}: the server's datacenter
 * @param taggedAddresses {@code TaggedAddresses}: {@code lan} and {@code wan}, both {@code Address}
 * @param meta {@code Meta}: empty
 * @param createIndex {@code CreateIndex}: the index at which the node appeared
 * @param modifyIndex {@code ModifyIndex}: the index of its last change
 */
record NodeJson(
        @JsonProperty("ID") String id,
        @JsonProperty("Node") String node,
        @JsonProperty("Address") String address,
        @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
        @JsonProperty("Meta") Map<String, String> meta,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** {@code node} reached at {@code address}, in {@code datacenter}. */
    static NodeJson of(NodeEntry node, String address, String datacenter) {
        return new NodeJson(ConsulShapes.nodeId(node.name()), node.name(), address, datacenter,
                Map.of("lan", address, "wan", address), Map.of(), node.createIndex(), node.modifyIndex());
    }
}
