package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.registry.Service;
import java.util.List;

/**
 * The health check of an instance as Consul writes a service check in {@code GET /v1/health/service/:service}.
 * The registry's health is the status each instance announces in its heartbeats ({@code passing},
 * {@code warning}, {@code critical}), and an instance whose heartbeats stop expires from the catalog, as a TTL
 * check would turn critical; so there is one check per instance, of type {@code ttl}.
 *
 * @param node {@code Node}: the host name
 * @param checkId {@code CheckID}: {@code service:<ServiceID>}, as Consul names a service's check
 * @param name {@code Name}: {@code Service '<name>' check}
 * @param status {@code Status}: the instance's status, {@code passing}, {@code warning} or {@code critical}
 * @param notes {@code Notes}: where the status comes from
 * @param output {@code Output}: empty, no check ran here
 * @param serviceId {@code ServiceID}: the instance's id
 * @param serviceName {@code ServiceName}: the name
 * @param serviceTags {@code ServiceTags}: empty
 * @param type {@code Type}: {@code ttl}
 * @param createIndex {@code CreateIndex}: the index at which the instance appeared
 * @param modifyIndex {@code ModifyIndex}: the index of its last change
 */
record CheckJson(
        @JsonProperty("Node") String node,
        @JsonProperty("CheckID") String checkId,
        @JsonProperty("Name") String name,
        @JsonProperty("Status") String status,
        @JsonProperty("Notes") String notes,
        @JsonProperty("Output") String output,
        @JsonProperty("ServiceID") String serviceId,
        @JsonProperty("ServiceName") String serviceName,
        @JsonProperty("ServiceTags") List<String> serviceTags,
        @JsonProperty("Type") String type,
        @JsonProperty("CreateIndex") long createIndex,
        @JsonProperty("ModifyIndex") long modifyIndex) {

    /** The check of {@code indexed}. */
    static CheckJson of(IndexedInstance indexed) {
        Service instance = indexed.service();
        return new CheckJson(instance.host(), ConsulShapes.checkId(instance), "Service '" + instance.name() + "' check",
                instance.status().wireName(), "the status the instance announces on the registry's bus", "",
                instance.id(), instance.name(), List.of(), "ttl", indexed.createIndex(), indexed.modifyIndex());
    }
}
