package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.TransportException;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.service.Discovery;
import io.nats.service.InfoResponse;
import io.nats.service.ServiceBuilder;
import io.nats.service.ServiceEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link NatsMicro#discover}: the micro services on the account, a jnats {@code io.nats.service.Service} started
 * here among them, against a real nats-server; and what answering costs a registry with many registrations.
 */
class NatsMicroDiscoverTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    /** How long discover collects answers: answers arrive within milliseconds on loopback, even on a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(1);

    @Test
    void findsAJnatsServiceAndAnExposedRegistryWithEveryField() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(NATS.server()));
        try {
            io.nats.service.Service sorter = new ServiceBuilder().connection(connection).name("sorter").version("1.2.3")
                    .description("sorts numbers").metadata(Map.of("team", "algo", "zone", "eu"))
                    .addServiceEndpoint(ServiceEndpoint.builder().endpointName("ascending").endpointSubject("sort.asc")
                            .endpointMetadata(Map.of("order", "asc"))
                            .handler(request -> request.respond(connection, "sorted")).build())
                    .addServiceEndpoint(ServiceEndpoint.builder().endpointName("descending").endpointSubject("sort.desc")
                            .endpointQueueGroup("sorters").handler(request -> request.respond(connection, "sorted")).build())
                    .build();
            sorter.startService();
            assertTrue(sorter.isStarted(10, TimeUnit.SECONDS));
            connection.flush(Duration.ofSeconds(10)); // the server has its subscriptions
            NatsPubsub pubsub = NatsPubsub.connect(NatsServer.url(NATS.server()));
            try (Registry registry = registryOn(pubsub); MicroResponder exposed = NatsMicro.expose(registry, pubsub)) {
                Service greeter = Service.builder("greeter").address("127.0.0.1:8080").version("1.0.0").kv("zone", "eu").build();
                registry.register(greeter);

                List<MicroService> found = NatsMicro.discover(connection, WAIT);

                assertEquals(List.of("greeter", "sorter"), found.stream().map(MicroService::name).toList(), found.toString());
                MicroService service = found.get(1);
                assertEquals(sorter.getId(), service.id());
                assertEquals("1.2.3", service.version());
                assertEquals("sorts numbers", service.description());
                assertEquals(Map.of("team", "algo", "zone", "eu"), service.metadata());
                assertEquals(List.of(new MicroEndpoint("ascending", "sort.asc", "q", Map.of("order", "asc")),
                        new MicroEndpoint("descending", "sort.desc", "sorters", Map.of())), service.endpoints());
                MicroService registered = found.get(0);
                assertEquals(NatsMicro.idOf(greeter), registered.id());
                assertEquals("eu", registered.metadata().get("kv.zone"));
                assertEquals("127.0.0.1:8080", registered.metadata().get("address"));
                assertEquals(List.of(), registered.endpoints());
                assertEquals(found, NatsMicro.discover(pubsub, WAIT), "the same through the registry's own pubsub");
                assertEquals(0, exposed.skippedCount());
            } finally {
                sorter.stop();
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void answersThatAreNotInfoResponsesAreLeftOut() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(NATS.server()));
        try {
            io.nats.client.Dispatcher noise = connection.createDispatcher(request -> {
                connection.publish(request.getReplyTo(), "not json".getBytes(StandardCharsets.UTF_8));
                connection.publish(request.getReplyTo(), "{\"type\":\"io.nats.micro.v1.ping_response\",\"name\":\"x\",\"id\":\"1\"}"
                        .getBytes(StandardCharsets.UTF_8));
                connection.publish(request.getReplyTo(), ("{\"type\":\"io.nats.micro.v1.info_response\",\"name\":\"lean\","
                        + "\"id\":\"7\",\"metadata\":null,\"description\":null,\"endpoints\":[{\"name\":\"e\",\"subject\":\"s\"}],"
                        + "\"future\":{\"field\":1}}").getBytes(StandardCharsets.UTF_8));
            });
            noise.subscribe("$SRV.INFO");
            connection.flush(Duration.ofSeconds(10));

            List<MicroService> found = NatsMicro.discover(connection, WAIT);

            assertEquals(List.of(new MicroService("lean", "7", "", "", Map.of(), List.of(new MicroEndpoint("e", "s", "", Map.of())))),
                    found, "lenient as the micro clients: missing fields empty, unknown ones ignored");
            connection.closeDispatcher(noise);
        } finally {
            connection.close();
        }
    }

    @Test
    void aClosedConnectionOrNoWaitIsRefused() throws Exception {
        Connection connection = Nats.connect(NatsServer.url(NATS.server()));
        assertThrows(IllegalArgumentException.class, () -> NatsMicro.discover(connection, Duration.ZERO));
        connection.close();
        assertThrows(TransportException.class, () -> NatsMicro.discover(connection, WAIT));
    }

    /**
     * The cost of being seen, measured and printed: one registry with 1,000 registrations answers INFO 1,000 times
     * on its dispatcher thread. The bound asserted is loose (a shared 2-core machine); the figure is the point.
     */
    @Test
    void aThousandRegistrationsAnswerOneInfoRequestInMilliseconds() throws Exception {
        int names = 100;
        int perName = 10;
        NatsPubsub pubsub = NatsPubsub.connect(NatsServer.url(NATS.server()));
        Connection client = Nats.connect(NatsServer.url(NATS.server()));
        try (Registry registry = registryOn(pubsub)) {
            for (int name = 0; name < names; name++) {
                for (int instance = 0; instance < perName; instance++) {
                    registry.register(Service.builder("svc-" + name).address("10.0.0." + instance + ":8080")
                            .version("1.0.0").kv("zone", "eu").build());
                }
            }
            try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
                Discovery discovery = new Discovery(client, 30_000, names * perName);
                discovery.info(); // warm-up: the JIT, Jackson's serializers
                long start = System.nanoTime();
                List<InfoResponse> infos = discovery.info();
                long micros = (System.nanoTime() - start) / 1_000;

                assertEquals(names * perName, infos.size());
                System.out.printf("NATS micro: one $SRV.INFO answered by %,d registrations in %,d ms (%.1f µs per answer,"
                        + " request to last answer received)%n", infos.size(), micros / 1_000, micros / (double) infos.size());
                assertTrue(micros < 10_000_000, "well under 10 s: " + micros + " µs");
                assertEquals(0, micro.skippedCount());
            }
        } finally {
            client.close();
        }
        Service one = Service.builder("svc").address("10.0.0.1:8080").version("1.0.0").kv("zone", "eu").build();
        int rounds = 20_000;
        long encoded = 0;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            encoded += MicroResponses.encode(MicroRequest.Verb.INFO, one, "id", Instant.EPOCH).length;
        }
        double each = (System.nanoTime() - start) / 1_000.0 / rounds;
        System.out.printf("NATS micro: encoding one INFO answer takes %.1f µs (%d rounds, %d bytes each)%n", each, rounds,
                encoded / rounds);
    }

    private static Registry registryOn(NatsPubsub pubsub) {
        return Registry.connect(pubsub, RegistryOptions.builder().mainTopic("micro" + UUID.randomUUID().toString().substring(0, 8))
                .unregisterOnShutdown(false).build());
    }
}
