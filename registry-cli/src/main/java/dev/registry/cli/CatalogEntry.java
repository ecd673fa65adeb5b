package dev.registry.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.registry.Service;
import java.util.List;
import java.util.Map;

/**
 * An instance in the shape of Consul's catalog API, as the Go library's REST facade ({@code rest.HandleServices})
 * serves it, so that tools speaking Consul can read the registry. Consul's field names are kept by
 * {@link JsonProperty}; Jackson writes them in this order, the record's.
 *
 * <p>The Go facade fills {@code Address} with the host name; this one follows Consul, where it is the address
 * to connect to.
 *
 * @param id {@code ID}: {@code <name>@<address>}, unique per instance
 * @param node {@code Node}: the instance's host name
 * @param address {@code Address}: the host part of the address, or the host name when the address has none
 * @param datacenter {@code Datacenter}: empty, the registry has none
 * @param nodeMeta {@code NodeMeta}: empty
 * @param serviceAddress {@code ServiceAddress}: the host part of the address ({@code 10.0.0.5} of
 *        {@code 10.0.0.5:8080}), empty for {@code :8080}
 * @param serviceId {@code ServiceID}: the same as {@code ID}
 * @param serviceName {@code ServiceName}: the service's name
 * @param servicePort {@code ServicePort}: the port of the address, 0 when it has none
 * @param serviceMeta {@code ServiceMeta}: the instance's {@code kv}
 * @param serviceTags {@code ServiceTags}: empty
 */
record CatalogEntry(
        @JsonProperty("ID") String id,
        @JsonProperty("Node") String node,
        @JsonProperty("Address") String address,
        @JsonProperty("Datacenter") String datacenter,
        @JsonProperty("NodeMeta") Map<String, String> nodeMeta,
        @JsonProperty("ServiceAddress") String serviceAddress,
        @JsonProperty("ServiceID") String serviceId,
        @JsonProperty("ServiceName") String serviceName,
        @JsonProperty("ServicePort") int servicePort,
        @JsonProperty("ServiceMeta") Map<String, String> serviceMeta,
        @JsonProperty("ServiceTags") List<String> serviceTags) {

    /**
     * The catalog entry of {@code instance}.
     *
     * @param instance an instance
     * @return its entry
     */
    static CatalogEntry of(Service instance) {
        String id = instance.name() + "@" + instance.address();
        String host = hostOf(instance.address());
        // Consul's Address is where the node is reached: the instance's host name when its address has no host.
        return new CatalogEntry(id, instance.host(), host.isEmpty() ? instance.host() : host, "", Map.of(), host, id,
                instance.name(), instance.port().orElse(0), instance.kv(), List.of());
    }

    /**
     * The entries of {@code GET /v1/catalog/service/<name>}.
     *
     * @param instances instances in any order
     * @return their entries, sorted by name then address
     */
    static List<CatalogEntry> sorted(List<Service> instances) {
        return instances.stream().sorted(ServiceTable.ORDER).map(CatalogEntry::of).toList();
    }

    /**
     * The host part of an address: {@code 10.0.0.5} of {@code 10.0.0.5:8080}, {@code ::1} of {@code [::1]:8080},
     * empty of {@code :8080} (every interface, as Go services often register); an address without a port (a
     * socket path, a bare IPv6 address) is all host.
     *
     * @param address an instance's address
     * @return its host part, perhaps empty
     */
    static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        boolean hostAndPort = colon >= 0 && address.indexOf(':') == colon || address.startsWith("[") && address.contains("]:");
        String host = hostAndPort ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
