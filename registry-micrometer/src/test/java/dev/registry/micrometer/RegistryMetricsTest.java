package dev.registry.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.nats.NatsPubsub;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The binder over two registries on a real nats-server: one registers, the other looks up and is measured. */
class RegistryMetricsTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final RegistryOptions options = RegistryOptions.builder().lookupTimeout(Duration.ofMillis(300))
            .unregisterOnShutdown(false).build();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private Registry owner;
    private Registry caller;
    private RegistryMetrics metrics;

    @BeforeEach
    void connect() {
        owner = Registry.connect(Brokers.natsUrl(NATS.server()), options);
        caller = Registry.connect(Brokers.natsUrl(NATS.server()), options);
    }

    /** Binds the caller's meters; counting events observes every name, which makes every lookup a hit. */
    private void bindCallerMetrics(boolean countEvents) {
        metrics = new RegistryMetrics(caller, Tags.of("app", "test"), countEvents);
        metrics.bindTo(meters);
    }

    @AfterEach
    void close() {
        if (metrics != null) {
            metrics.close();
        }
        owner.close();
        caller.close();
    }

    @Test
    void countsLookupsByOutcomeAndMessagesByDirection() {
        bindCallerMetrics(false);
        owner.register(Service.builder("orders").address("127.0.0.1:8080").build());

        caller.getService("orders");                                // cold: pings, the owner answers
        caller.getService("orders");                                // cached
        assertTrue(caller.findService("nobody").isEmpty());       // cold, nobody answers

        assertEquals(1, counter("registry.lookups", "outcome", "hit"));
        assertEquals(2, counter("registry.lookups", "outcome", "miss"));
        assertEquals(1, counter("registry.lookup.timeouts"));
        assertEquals(2, counter("registry.pings"));
        assertTrue(counter("registry.messages", "direction", "out") >= 2, "the two pings went out");
        assertTrue(counter("registry.messages", "direction", "in") >= 1, "the owner's answer came in");
        assertEquals(1, gauge("registry.cache.instances"));
        assertTrue(gauge("registry.names") >= 2, "orders and nobody are tracked");
        assertEquals(0, gauge("registry.registrations"));
        assertEquals(0, gauge("registry.expiry.brake.held"));
        assertEquals(0, counter("registry.expiry.brake.engagements"));
        assertEquals("test", meters.get("registry.listener.backlog").gauge().getId().getTag("app"));
        FunctionTimer cold = meters.get("registry.lookup.cold").functionTimer();
        assertEquals(2, cold.count(), "two lookups waited for the bus");
        assertTrue(cold.totalTime(TimeUnit.MILLISECONDS) >= 300, "the one nobody answered waited the 300 ms lookup timeout, "
                + cold.totalTime(TimeUnit.MILLISECONDS) + " ms in all");
    }

    @Test
    void countsEventsSeenOnTheBusByType() {
        bindCallerMetrics(true);
        Registration registration = owner.register(Service.builder("billing").address("127.0.0.1:9090").build());
        Await.until("REGISTERED counted", () -> counter("registry.events", "type", "registered") == 1);

        registration.unregister();
        Await.until("UNREGISTERED counted", () -> counter("registry.events", "type", "unregistered") == 1);
        assertEquals(0, counter("registry.events", "type", "expired"));
        assertEquals(0, counter("registry.events", "type", "updated"));
    }

    @Test
    void countsDroppedMessagesByReason() {
        bindCallerMetrics(true);
        try (NatsPubsub raw = NatsPubsub.connect(Brokers.natsUrl(NATS.server()))) {
            raw.publish("registry.register.orders", "{not json".getBytes(StandardCharsets.UTF_8));
        }
        Await.until("the malformed message counted", () -> counter("registry.messages.dropped", "reason", "malformed") == 1);
        assertEquals(0, counter("registry.messages.dropped", "reason", "bad_signature"));
    }

    @Test
    void countsOwnRegistrationsAndKeepsTheLastValuesOnceClosed() {
        bindCallerMetrics(false);
        RegistryMetrics ownerMetrics = new RegistryMetrics(owner, Tags.of("app", "owner"), false);
        ownerMetrics.bindTo(meters);
        owner.register(Service.builder("orders").address("127.0.0.1:8081").build());
        owner.register(Service.builder("orders").address("127.0.0.1:8082").build());
        assertEquals(2, meters.get("registry.registrations").tag("app", "owner").gauge().value());
        double sent = meters.get("registry.messages").tags("app", "owner", "direction", "out").functionCounter().count();
        assertTrue(sent >= 2, "both registrations were published");
        assertNull(meters.find("registry.events").tag("app", "owner").counter(), "events not counted when not asked");

        owner.close();
        assertEquals(0, meters.get("registry.registrations").tag("app", "owner").gauge().value(), "close unregisters");
        assertTrue(meters.get("registry.messages").tags("app", "owner", "direction", "out").functionCounter().count() >= sent,
                "the last counters, not an error, after close");
    }

    private double counter(String name, String... tags) {
        return meters.get(name).tags("app", "test").tags(tags).meters().stream()
                .mapToDouble(meter -> meter.measure().iterator().next().getValue()).sum();
    }

    private double gauge(String name) {
        return meters.get(name).tag("app", "test").gauge().value();
    }
}
