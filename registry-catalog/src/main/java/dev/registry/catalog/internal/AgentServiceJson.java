package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.registry.Service;
import java.util.List;
import java.util.Map;

/**
 * The {@code Service} of an entry of {@code GET /v1/health/service/:service}, as Consul documents it.
 *
 * @param id {@code ID}: {@link Service#id()}, {@code name@address}
 * @param service {@code Service}: the name
 * @param tags {@code Tags}: empty, the registry has no tags
 * @param address {@code Address}: the host part of the address, empty for {@code :port} (then clients use the
 *        node's address, as Consul documents)
 * @param taggedAddresses {@code TaggedAddresses}: empty
 * @param meta {@code Meta}: the instance's {@code kv}
 * @param port {@code Port}: the port of the address, 0 when it has none
 * @param weights {@code Weights}: Consul's defaults
 * @param enableTagOverride {@code EnableTagOverride}: false
 * @param createIndex {@code CreateIndex}: the index at which the instance appeared
 * @param modifyIndex {@code ModifyIndex}: the index of its last change
 */
record AgentServiceJson(
        @JsonProperty("ID") String id,
        @JsonProperty("Service") String service,
        @JsonProperty("Tags") List<String> tags,
        @JsonProperty("Address") String address,
        @JsonProperty("TaggedAddresses") Map<String, Object> taggedAddresses,
        @JsonProperty("Meta") Map<String, String> meta,
        @JsonProperty("Port") int port,
        @JsonProperty("Weights") WeightsJson weights,
        @JsonProperty("EnableTagOverride") boolean enableTagOverride,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** The service part of {@code indexed}'s health entry. */
    static AgentServiceJson of(IndexedInstance indexed) {
        Service instance = indexed.service();
        return new AgentServiceJson(instance.id(), instance.name(), List.of(), instance.addressHost(),
                Map.of(), instance.kv(), instance.port().orElse(0), WeightsJson.DEFAULT, false,
                indexed.createIndex(), indexed.modifyIndex());
    }
}
