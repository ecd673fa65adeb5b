package dev.registry.cli;

import dev.registry.Service;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Instances in the shape of Consul's catalog API, as the Go library's REST facade serves them, so that tools
 * speaking Consul can read the registry. One entry per instance:
 *
 * <table>
 *   <caption>Catalog entry fields</caption>
 *   <tr><th>field</th><th>value</th></tr>
 *   <tr><td>{@code ID}, {@code ServiceID}</td><td>{@code <name>@<address>}, unique per instance</td></tr>
 *   <tr><td>{@code Node}</td><td>the instance's host name ({@code h})</td></tr>
 *   <tr><td>{@code ServiceAddress}</td><td>the host part of the address ({@code 10.0.0.5} of {@code 10.0.0.5:8080});
 *       empty for {@code :8080}</td></tr>
 *   <tr><td>{@code Address}</td><td>the same, or the host name when the address has no host</td></tr>
 *   <tr><td>{@code Datacenter}</td><td>empty: the registry has none</td></tr>
 *   <tr><td>{@code NodeMeta}</td><td>empty</td></tr>
 *   <tr><td>{@code ServiceName}</td><td>the name</td></tr>
 *   <tr><td>{@code ServicePort}</td><td>the port of the address, 0 when it has none</td></tr>
 *   <tr><td>{@code ServiceMeta}</td><td>the instance's {@code kv}</td></tr>
 *   <tr><td>{@code ServiceTags}</td><td>empty</td></tr>
 * </table>
 *
 * The Go facade fills {@code Address} with the host name; this one follows Consul, where it is the address to
 * connect to. Stateless.
 */
final class CatalogJson {

    private CatalogJson() {
    }

    /** {@code GET /v1/catalog/service/<name>}: a JSON array of entries, sorted by name then address. */
    static String entries(List<Service> instances, boolean pretty) {
        return Json.write(pretty, json -> {
            json.writeStartArray();
            for (Service instance : instances.stream().sorted(ServiceTable.ORDER).toList()) {
                String id = instance.name() + "@" + instance.address();
                String host = hostOf(instance.address());
                // Consul's Address is where the node is reached: the instance's host name when its address has no host.
                json.writeStartObject();
                json.writeStringField("ID", id);
                json.writeStringField("Node", instance.host());
                json.writeStringField("Address", host.isEmpty() ? instance.host() : host);
                json.writeStringField("Datacenter", "");
                json.writeFieldName("NodeMeta");
                Json.stringMap(json, Map.of());
                json.writeStringField("ServiceAddress", host);
                json.writeStringField("ServiceID", id);
                json.writeStringField("ServiceName", instance.name());
                json.writeNumberField("ServicePort", instance.port().orElse(0));
                json.writeFieldName("ServiceMeta");
                Json.stringMap(json, instance.kv());
                json.writeArrayFieldStart("ServiceTags");
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** {@code GET /v1/catalog/services}: an object of every name to its (empty) tag list, as Consul answers it. */
    static String names(Collection<String> names, boolean pretty) {
        return Json.write(pretty, json -> {
            json.writeStartObject();
            for (String name : names) {
                json.writeArrayFieldStart(name);
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /**
     * {@code 10.0.0.5} of {@code 10.0.0.5:8080}, {@code ::1} of {@code [::1]:8080}, empty of {@code :8080} (every
     * interface, as Go services often register); an address without a port (a socket path, a bare IPv6
     * address) is all host.
     */
    static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        boolean hostAndPort = colon >= 0 && address.indexOf(':') == colon || address.startsWith("[") && address.contains("]:");
        String host = hostAndPort ? address.substring(0, colon) : address;
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
