package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The answer of {@code GET /v1/agent/self}: the parts clients read (Prometheus's Consul discovery reads
 * {@code Config.Datacenter}; others read the node name and the version), in Consul's documented shape. The server
 * is its own agent, a server of its datacenter, and its own leader.
 *
 * @param config {@code Config}: datacenter, node and version
 * @param member {@code Member}: the server as a member of its cluster of one
 * @param meta {@code Meta}: empty
 */
record AgentSelfJson(
        @JsonProperty("Config") Config config,
        @JsonProperty("Member") Member member,
        @JsonProperty("Meta") Map<String, String> meta) {

    /**
     * The Consul version reported, for clients that check it before they use a feature: the answers follow
     * Consul's current HTTP API documentation, so a current 1.x release is named; {@code Revision} says what
     * answers in fact.
     */
    static final String CONSUL_VERSION = "1.20.0";
    /** The revision reported: this server, not a build of Consul. */
    static final String REVISION = "registry-catalog";

    /** The answer of a server in {@code datacenter}, called {@code nodeName}, listening at {@code host:port}. */
    static AgentSelfJson of(String datacenter, String nodeName, String host, int port) {
        String id = ConsulShapes.nodeId(nodeName);
        return new AgentSelfJson(new Config(datacenter, datacenter, nodeName, id, true, REVISION, CONSUL_VERSION),
                new Member(nodeName, host, port, Map.of("dc", datacenter, "id", id, "role", "consul",
                        "build", CONSUL_VERSION + ":" + REVISION), 1),
                Map.of());
    }

    /**
     * {@code Config}.
     *
     * @param datacenter {@code Datacenter}
     * @param primaryDatacenter {@code PrimaryDatacenter}: the same
     * @param nodeName {@code NodeName}
     * @param nodeId {@code NodeID}
     * @param server {@code Server}: true
     * @param revision {@code Revision}: {@value #REVISION}
     * @param version {@code Version}: {@value #CONSUL_VERSION}
     */
    record Config(
            @JsonProperty("Datacenter") String datacenter,
            @JsonProperty("PrimaryDatacenter") String primaryDatacenter,
            @JsonProperty("NodeName") String nodeName,
            @JsonProperty("NodeID") String nodeId,
            @JsonProperty("Server") boolean server,
            @JsonProperty("Revision") String revision,
            @JsonProperty("Version") String version) {
    }

    /**
     * {@code Member}.
     *
     * @param name {@code Name}: the node name
     * @param addr {@code Addr}: the address listened on
     * @param port {@code Port}: the port listened on
     * @param tags {@code Tags}: {@code dc}, {@code id}, {@code role} ({@code consul}: a server) and {@code build}
     * @param status {@code Status}: 1, alive
     */
    record Member(
            @JsonProperty("Name") String name,
            @JsonProperty("Addr") String addr,
            @JsonProperty("Port") int port,
            @JsonProperty("Tags") Map<String, String> tags,
            @JsonProperty("Status") int status) {
    }
}
