package dev.registry.catalog.internal;

import dev.registry.Service;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How an instance maps onto Consul's model, where a service instance runs on a node: the node is the instance's
 * host name, the address splits into Consul's {@code Address} and {@code Port}, and ids are derived so that they
 * stay the same across restarts and across catalog servers. Stateless.
 */
public final class ConsulShapes {

    private ConsulShapes() {
    }

    /**
     * The node's id, Consul's {@code ID} of a node: a UUID derived from the host name (type 3, name-based), so
     * that every catalog server gives a node the same id.
     *
     * @param host a host name
     * @return its id, 36 characters as Consul writes node ids
     */
    public static String nodeId(String host) {
        return UUID.nameUUIDFromBytes(("registry-node:" + host).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The check id of an instance's health, as Consul names the check of a service: {@code service:<ServiceID>}.
     *
     * @param instance an instance
     * @return its check id
     */
    public static String checkId(Service instance) {
        return "service:" + instance.id();
    }

    /**
     * The target Prometheus scrapes: {@code host:port} with the node's address as host (brackets kept around an
     * IPv6 address), or empty when the address has no port to scrape.
     *
     * @param instance an instance
     * @return its target, perhaps empty
     */
    public static String target(Service instance) {
        if (instance.port().isEmpty()) {
            return "";
        }
        String host = instance.connectHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + instance.port().getAsInt();
    }
}
