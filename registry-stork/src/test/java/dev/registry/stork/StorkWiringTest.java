package dev.registry.stork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.smallrye.stork.Stork;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which registry a Stork service uses, and how a bad attribute fails; over a real nats-server. */
class StorkWiringTest extends StorkTestBase {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }

    @Override
    protected String busName() {
        return "nats";
    }

    @Test
    void aRegistryTheInfrastructureSuppliesServesServicesWithoutBusAttributesAndStaysOpen() {
        Registry mine = registry();
        registry().register(Service.builder("greeter").address("127.0.0.1:9001").build());
        discovery("greeter", Map.of());
        Stork.initialize(new RegistryStorkInfrastructure(mine));

        Await.until("the instance is listed", () -> instances("greeter").size() == 1);
        Stork.shutdown();
        StorkRegistries.closeAll();
        assertEquals(1, mine.getServices("greeter").size(), "the supplied registry is still open");
    }

    @Test
    void serviceNameNamesTheServiceOnTheBusAndServicesOnOneBusShareItsConnection() {
        registry().register(Service.builder("greeter").address("127.0.0.1:9001").build());
        registry().register(Service.builder("orders").address("127.0.0.1:9002").build());
        Map<String, String> aliased = busAttributes();
        aliased.put("service-name", "greeter");
        discovery("hello.world", aliased);
        discovery("orders", busAttributes());
        Stork.initialize();

        Await.until("the aliased service is listed", () -> instances("hello.world").size() == 1);
        Await.until("orders is listed", () -> instances("orders").size() == 1);
        assertEquals(9001, instances("hello.world").get(0).getPort());
    }

    @Test
    void aBadAttributeFailsStorkAtOnceNamingTheProperty() {
        Map<String, String> attributes = busAttributes();
        attributes.put("lookup-timeout", "soon");
        discovery("greeter", attributes);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, Stork::initialize);
        assertTrue(failure.getMessage().startsWith("stork.greeter.service-discovery.lookup-timeout='soon': "), failure.getMessage());
    }

    @Test
    void aStorkNameThatCannotBeABusNameFailsPointingAtServiceName() {
        discovery("hello.world", busAttributes());

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, Stork::initialize);
        assertTrue(failure.getMessage().startsWith("stork.hello.world.service-discovery: 'hello.world' is not a service name"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("service-name"), failure.getMessage());
    }

    @Test
    void anUnknownBusSchemeFailsNamingTheUrlProperty() {
        Map<String, String> attributes = busAttributes();
        attributes.put("url", "carrier-pigeon://roof");
        registrar("payments", attributes);

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, Stork::initialize);
        assertTrue(failure.getMessage().startsWith("stork.payments.service-registrar.url='carrier-pigeon://roof': "),
                failure.getMessage());
    }
}
