package dev.registry.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.registry.Service;
import org.junit.jupiter.api.Test;

/** Prometheus targets and the ids derived from an instance (the address split itself is Service's, in ServiceTest). */
class ConsulShapesTest {

    @Test
    void prometheusTargetsAreHostAndPort() {
        assertEquals("10.0.0.5:8080", ConsulShapes.target(instance("10.0.0.5:8080")));
        assertEquals("web-1:8080", ConsulShapes.target(instance(":8080")));
        assertEquals("[::1]:8080", ConsulShapes.target(instance("[::1]:8080")));
        assertEquals("", ConsulShapes.target(instance("/tmp/greeter.sock")), "nothing to scrape without a port");
    }

    @Test
    void nodeIdsAreUuidsThatDependOnTheHostOnly() {
        assertEquals(ConsulShapes.nodeId("web-1"), ConsulShapes.nodeId("web-1"));
        assertNotEquals(ConsulShapes.nodeId("web-1"), ConsulShapes.nodeId("web-2"));
        assertEquals(36, ConsulShapes.nodeId("web-1").length());
        assertEquals("service:greeter@:8080", ConsulShapes.checkId(instance(":8080")));
    }

    private static Service instance(String address) {
        return Service.builder("greeter").address(address).host("web-1").build();
    }
}
