package dev.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.nats.NatsPubsub;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Learning every name on a bus: one announcement of a name brings all its instances, through a ping. */
class DiscoveryTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final String prefix = "discovery-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theFirstAnnouncementOfANameBringsAllItsInstancesAndCloseStops() {
        // heartbeats an hour apart: only the ping makes the earlier instances announce themselves again
        try (Registry owner = connect(Duration.ofHours(1)); Registry watcher = connect(Duration.ofSeconds(20));
             NatsPubsub wire = NatsPubsub.connect(Brokers.natsUrl(NATS.server()))) {
            AtomicInteger onTheWire = new AtomicInteger();
            wire.subscribe(prefix + ".register.web", (topic, payload) -> onTheWire.incrementAndGet());
            owner.register(Service.builder("web").address("127.0.0.1:8081").build());
            owner.register(Service.builder("web").address("127.0.0.1:8082").build());
            // register returns before its message reaches the server: once another subscriber has both, the server has
            // routed them, and a subscription made from now on cannot receive them
            Await.until("both announcements routed by the server", () -> onTheWire.get() == 2);
            List<ServiceEvent> events = new CopyOnWriteArrayList<>();
            Discovery discovery = Discovery.start(watcher, events::add);
            assertTrue(discovery.instances().isEmpty(), "registered before discovery started: not heard yet");

            owner.register(Service.builder("web").address("127.0.0.1:8083").build());
            Await.until("all three instances of web", () -> discovery.instances().size() == 3);
            assertEquals(List.of("web"), List.copyOf(discovery.names()));
            assertTrue(events.size() >= 3, events.toString());

            discovery.close();
            owner.register(Service.builder("api").address("127.0.0.1:8084").build());
            Await.holdsFor(Duration.ofMillis(300), "a closed discovery hears nothing", () -> !discovery.names().contains("api"));
        }
    }

    private Registry connect(Duration registerInterval) {
        return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic(prefix)
                .registerInterval(registerInterval).unregisterOnShutdown(false).build());
    }
}
