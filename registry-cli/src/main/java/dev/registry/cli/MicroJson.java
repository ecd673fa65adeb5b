package dev.registry.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.registry.nats.MicroEndpoint;
import dev.registry.nats.MicroService;
import java.util.List;
import java.util.Map;

/**
 * A NATS micro service instance as {@code ls --micro --json} writes it: the fields of its {@code $SRV.INFO} answer,
 * named as NATS micro names them, every one present:
 *
 * <pre>
 * {"name":"sorter","id":"ZP1oVevzLGu4CBORMXKKke","version":"1.2.3","description":"sorts numbers",
 *  "metadata":{"team":"algo"},"endpoints":[{"name":"ascending","subject":"sort.asc","queue_group":"q","metadata":{}}]}
 * </pre>
 *
 * @param name the service's name
 * @param id the instance's id
 * @param version its version
 * @param description its description, empty when it has none
 * @param metadata its metadata, sorted by key
 * @param endpoints its endpoints, in its order
 */
record MicroJson(String name, String id, String version, String description, Map<String, String> metadata,
                 List<EndpointJson> endpoints) {

    /**
     * One endpoint.
     *
     * @param name the endpoint's name
     * @param subject where its requests go
     * @param queueGroup its queue group, empty when it has none
     * @param metadata its metadata, sorted by key
     */
    record EndpointJson(String name, String subject, @JsonProperty("queue_group") String queueGroup,
                        Map<String, String> metadata) {
    }

    /**
     * The JSON of each instance, in the order given.
     *
     * @param services instances, sorted as {@link dev.registry.nats.NatsMicro#discover} sorts them
     * @return what {@code ls --micro --json} prints under {@code micro}
     */
    static List<MicroJson> of(List<MicroService> services) {
        return services.stream().map(service -> new MicroJson(service.name(), service.id(), service.version(),
                service.description(), service.metadata(), service.endpoints().stream().map(MicroJson::endpoint).toList()))
                .toList();
    }

    private static EndpointJson endpoint(MicroEndpoint endpoint) {
        return new EndpointJson(endpoint.name(), endpoint.subject(), endpoint.queueGroup(), endpoint.metadata());
    }
}
