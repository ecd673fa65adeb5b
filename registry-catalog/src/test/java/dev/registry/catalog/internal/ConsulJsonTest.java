package dev.registry.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Service;
import dev.registry.Status;
import java.util.Collections;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The JSON of each Consul answer, byte for byte: Consul's field names, types and order, map keys sorted as Go sorts them. */
class ConsulJsonTest {

    private static final IndexedInstance GREETER = new IndexedInstance(Service.builder("greeter").address(":8080")
            .host("web-1").kv("zone", "eu").status(Status.WARNING).build(), 3, 7);
    private static final String NODE_ID = ConsulShapes.nodeId("web-1");

    @Test
    void aCatalogServiceEntry() {
        assertEquals("{\"ID\":\"" + NODE_ID + "\",\"Node\":\"web-1\",\"Address\":\"web-1\",\"Datacenter\":\"dc1\","
                + "\"TaggedAddresses\":{\"lan\":\"web-1\",\"wan\":\"web-1\"},\"NodeMeta\":{},\"ServiceKind\":\"\","
                + "\"ServiceID\":\"greeter@:8080\",\"ServiceName\":\"greeter\",\"ServiceTags\":[],\"ServiceAddress\":\"\","
                + "\"ServiceTaggedAddresses\":{},\"ServiceWeights\":{\"Passing\":1,\"Warning\":1},"
                + "\"ServiceMeta\":{\"zone\":\"eu\"},\"ServicePort\":8080,\"ServiceEnableTagOverride\":false,"
                + "\"CreateIndex\":3,\"ModifyIndex\":7}", Responses.text(CatalogServiceJson.of(GREETER, "dc1"), false));
    }

    @Test
    void aHealthEntryWhoseCheckHasTheInstancesStatus() {
        TreeMap<String, NodeEntry> nodes = new TreeMap<>();
        nodes.put("web-1", new NodeEntry("web-1", "web-1", 3, 5));
        CatalogView view = new CatalogView(7, Collections.emptySortedMap(), 3, nodes, 5);

        assertEquals("{\"Node\":{\"ID\":\"" + NODE_ID + "\",\"Node\":\"web-1\",\"Address\":\"web-1\",\"Datacenter\":\"dc1\","
                + "\"TaggedAddresses\":{\"lan\":\"web-1\",\"wan\":\"web-1\"},\"Meta\":{},\"CreateIndex\":3,\"ModifyIndex\":5},"
                + "\"Service\":{\"ID\":\"greeter@:8080\",\"Service\":\"greeter\",\"Tags\":[],\"Address\":\"\","
                + "\"TaggedAddresses\":{},\"Meta\":{\"zone\":\"eu\"},\"Port\":8080,\"Weights\":{\"Passing\":1,\"Warning\":1},"
                + "\"EnableTagOverride\":false,\"CreateIndex\":3,\"ModifyIndex\":7},"
                + "\"Checks\":[{\"Node\":\"web-1\",\"CheckID\":\"service:greeter@:8080\",\"Name\":\"Service 'greeter' check\","
                + "\"Status\":\"warning\",\"Notes\":\"the status the instance announces on the registry's bus\",\"Output\":\"\","
                + "\"ServiceID\":\"greeter@:8080\",\"ServiceName\":\"greeter\",\"ServiceTags\":[],\"Type\":\"ttl\","
                + "\"CreateIndex\":3,\"ModifyIndex\":7}]}", Responses.text(HealthEntryJson.of(GREETER, view, "dc1"), false));
    }

    @Test
    void theAgentSelf() {
        String id = ConsulShapes.nodeId("catalog-1");

        assertEquals("{\"Config\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"catalog-1\","
                + "\"NodeID\":\"" + id + "\",\"Server\":true,\"Revision\":\"registry-catalog\",\"Version\":\"1.20.0\"},"
                + "\"Member\":{\"Name\":\"catalog-1\",\"Addr\":\"127.0.0.1\",\"Port\":8500,\"Tags\":{\"build\":"
                + "\"1.20.0:registry-catalog\",\"dc\":\"dc1\",\"id\":\"" + id + "\",\"role\":\"consul\"},\"Status\":1},"
                + "\"Meta\":{}}", Responses.text(AgentSelfJson.of("dc1", "catalog-1", "127.0.0.1", 8500), false));
    }
}
