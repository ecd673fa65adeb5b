package dev.registry.cli;

import dev.registry.Service;
import java.util.List;
import java.util.Map;

/**
 * An instance as the tool's JSON writes it, with every field, empty strings included, so that a script never
 * tests for a missing key:
 *
 * <pre>
 * {"name":"greeter","address":"127.0.0.1:8080","network":"","url":"http://127.0.0.1:8080/","version":"1.0.0",
 *  "host":"web-1","status":"passing","kv":{"zone":"eu"}}
 * </pre>
 *
 * Jackson writes the fields in this order, the record's.
 *
 * @param name the service's name
 * @param address the instance's address, {@code host:port} or whatever the service registered
 * @param network the network, empty for the default
 * @param url the instance's URL, if it registered one
 * @param version the instance's version, if it registered one
 * @param host the host the instance runs on
 * @param status {@code passing}, {@code warning} or {@code critical}, as on the wire
 * @param kv the instance's metadata, in its order
 */
record InstanceJson(String name, String address, String network, String url, String version, String host,
                    String status, Map<String, String> kv) {

    /**
     * The JSON of {@code service}.
     *
     * @param service an instance
     * @return its every field
     */
    static InstanceJson of(Service service) {
        return new InstanceJson(service.name(), service.address(), service.network(), service.url(),
                service.version(), service.host(), service.status().wireName(), service.kv());
    }

    /**
     * The JSON of each instance, sorted by name then address as the table is.
     *
     * @param services instances in any order
     * @return the array {@code ls --json} and {@code get --json} print
     */
    static List<InstanceJson> sorted(List<Service> services) {
        return services.stream().sorted(ServiceTable.ORDER).map(InstanceJson::of).toList();
    }
}
