package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.registry.Service;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /v1/catalog/service/:service}, with the fields and types of Consul's documented answer,
 * in its order. Instances have no tags, no kind and no proxy in the registry, so those fields hold Consul's
 * values for a plain service.
 *
 * @param id {@code ID}: the node's id ({@link ConsulShapes#nodeId})
 * @param node {@code Node}: the instance's host name
 * @param address {@code Address}: the node's address ({@link dev.registry.Service#connectHost()})
 * @param datacenter {@code Datacenter}: the server's datacenter
 * @param taggedAddresses {@code TaggedAddresses}: {@code lan} and {@code wan}, both the node's address
 * @param nodeMeta {@code NodeMeta}: empty
 * @param serviceKind {@code ServiceKind}: empty, a typical service
 * @param serviceId {@code ServiceID}: {@link Service#id()}, {@code name@address}, the same on every server
 * @param serviceName {@code ServiceName}: the name
 * @param serviceTags {@code ServiceTags}: empty
 * @param serviceAddress {@code ServiceAddress}: the host part of the address, empty for {@code :port}
 * @param serviceTaggedAddresses {@code ServiceTaggedAddresses}: empty
 * @param serviceWeights {@code ServiceWeights}: Consul's defaults
 * @param serviceMeta {@code ServiceMeta}: the instance's {@code kv}
 * @param servicePort {@code ServicePort}: the port of the address, 0 when it has none
 * @param serviceEnableTagOverride {@code ServiceEnableTagOverride}: false
 * @param createIndex {@code CreateIndex}: the index at which the instance appeared
 * @param modifyIndex {@code ModifyIndex}: the index of its last change
 */
record CatalogServiceJson(
        @JsonProperty("ID") String id,
        @JsonProperty("Node") String node,
        @JsonProperty("Address") String address,
        @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("TaggedAddresses") Map<String, String> taggedAddresses,
        @JsonProperty("NodeMeta") Map<String, String> nodeMeta,
        @JsonProperty("ServiceKind") String serviceKind,
        @JsonProperty("ServiceID") String serviceId,
        @JsonProperty("ServiceName") String serviceName,
        @JsonProperty("ServiceTags") List<String> serviceTags,
        @JsonProperty("ServiceAddress") String serviceAddress,
        @JsonProperty("ServiceTaggedAddresses") Map<String, Object> serviceTaggedAddresses,
        @JsonProperty("ServiceWeights") WeightsJson serviceWeights,
        @JsonProperty("ServiceMeta") Map<String, String> serviceMeta,
        @JsonProperty("ServicePort") int servicePort,
        @JsonProperty("ServiceEnableTagOverride") boolean serviceEnableTagOverride,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** The entry of {@code instance}, in {@code datacenter}. */
    static CatalogServiceJson of(IndexedInstance indexed, String datacenter) {
        Service instance = indexed.service();
        String address = instance.connectHost();
        return new CatalogServiceJson(ConsulShapes.nodeId(instance.host()), instance.host(), address, datacenter,
                Map.of("lan", address, "wan", address), Map.of(), "", instance.id(), instance.name(), List.of(),
                instance.addressHost(), Map.of(), WeightsJson.DEFAULT, instance.kv(),
                instance.port().orElse(0), false, indexed.createIndex(), indexed.modifyIndex());
    }
}
