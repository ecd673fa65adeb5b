package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.service.Discovery;
import io.nats.service.InfoResponse;
import io.nats.service.PingResponse;
import io.nats.service.ServiceResponse;
import io.nats.service.StatsResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link NatsMicro#expose}: NATS micro discovery, as jnats' own {@code io.nats.service.Discovery} does it against a
 * real nats-server, finds a registry's registrations, and every answer parses into jnats' response classes and is
 * valid per the micro schemas.
 *
 * <p>Timing: jnats' {@code Discovery} returns as soon as it has the number of answers it was told to expect, so
 * the tests that expect answers wait only for them (within 10 s). Checking that something does <em>not</em> answer
 * needs a window: {@link #SILENCE}, against answers that arrive within a few milliseconds on loopback.
 */
class NatsMicroExposeTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    /** How long a check for "no answer" listens: 100 times a loopback answer's usual time, on a loaded machine too. */
    private static final long SILENCE = 500;
    private static final long EXPECTED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Connection registryConnection;
    private Connection client;
    private NatsPubsub pubsub;
    private Registry registry;

    @BeforeEach
    void connect() throws Exception {
        registryConnection = Nats.connect(NatsServer.url(NATS.server()));
        client = Nats.connect(NatsServer.url(NATS.server()));
        pubsub = NatsPubsub.of(registryConnection);
        registry = Registry.connect(pubsub, RegistryOptions.builder().mainTopic("micro" + UUID.randomUUID().toString()
                .substring(0, 8)).hostName("web-1").unregisterOnShutdown(false).build());
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
        registryConnection.close();
        client.close();
    }

    @Test
    void discoveryPingsInfosAndStatsEveryOwnRegistrationWithTheInstancesFields() throws Exception {
        Service orders = Service.builder("orders").address("127.0.0.1:8080").version("1.4.0")
                .url("http://127.0.0.1:8080/").kv("zone", "eu").kv("team", "core").build();
        Service ordersToo = Service.builder("orders").address("127.0.0.1:8081").build();
        Service payments = Service.builder("payments").address("10.0.0.7:9090").network("tcp").version("v2")
                .status(Status.WARNING).build();
        registry.register(orders);
        registry.register(ordersToo);
        registry.register(payments);
        Instant beforeExpose = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
            Discovery discovery = new Discovery(client, EXPECTED, 3);
            List<PingResponse> pings = discovery.ping();
            List<InfoResponse> infos = discovery.info();
            List<StatsResponse> stats = discovery.stats();

            Set<String> expected = Set.of("orders " + NatsMicro.idOf(orders), "orders " + NatsMicro.idOf(ordersToo),
                    "payments " + NatsMicro.idOf(payments));
            assertEquals(expected, namesAndIds(pings));
            assertEquals(expected, namesAndIds(infos));
            assertEquals(expected, namesAndIds(stats));
            pings.forEach(ping -> assertEquals(PingResponse.TYPE, ping.getType()));

            InfoResponse ordersInfo = infos.stream().filter(info -> info.getId().equals(NatsMicro.idOf(orders))).findFirst().orElseThrow();
            assertEquals("1.4.0", ordersInfo.getVersion());
            assertEquals(Map.of("address", "127.0.0.1:8080", "url", "http://127.0.0.1:8080/", "host", "web-1",
                    "status", "passing", "kv.team", "core", "kv.zone", "eu"), ordersInfo.getMetadata());
            assertEquals("registry instance orders@127.0.0.1:8080", ordersInfo.getDescription());
            assertTrue(ordersInfo.getEndpoints().isEmpty(), ordersInfo.toString());

            PingResponse paymentsPing = pings.stream().filter(ping -> ping.getName().equals("payments")).findFirst().orElseThrow();
            assertEquals("0.0.0", paymentsPing.getVersion(), "v2 is not SemVer");
            assertEquals(Map.of("address", "10.0.0.7:9090", "network", "tcp", "url", "", "host", "web-1",
                    "status", "warning", "version", "v2"), paymentsPing.getMetadata());
            PingResponse ordersTooPing = pings.stream().filter(ping -> ping.getId().equals(NatsMicro.idOf(ordersToo)))
                    .findFirst().orElseThrow();
            assertEquals("0.0.0", ordersTooPing.getVersion(), "no version");
            assertFalse(ordersTooPing.getMetadata().containsKey("version"), ordersTooPing.toString());

            Instant afterDiscovery = Instant.now();
            for (StatsResponse stat : stats) {
                Instant started = stat.getStarted().toInstant();
                assertFalse(started.isBefore(beforeExpose) || started.isAfter(afterDiscovery),
                        "registered before expose: started at expose, " + beforeExpose + " <= " + started + " <= " + afterDiscovery);
                assertTrue(stat.getEndpointStatsList().isEmpty(), stat.toString());
            }
            assertEquals(0, micro.skippedCount());
        }
    }

    @Test
    void everyAnswerIsValidPerTheMicroSchemas() throws Exception {
        Service orders = Service.builder("orders").address("127.0.0.1:8080").version("2.0.0-rc.1+build.7")
                .kv("zone", "eu").build();
        registry.register(orders);
        try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
            String id = NatsMicro.idOf(orders);
            for (String verb : List.of("PING", "INFO", "STATS")) {
                String type = verb.toLowerCase() + "_response";
                for (String subject : List.of("$SRV." + verb, "$SRV." + verb + ".orders", "$SRV." + verb + ".orders." + id)) {
                    Message answer = client.request(subject, null, Duration.ofMillis(EXPECTED));
                    assertTrue(answer != null, "an answer on " + subject);
                    JsonNode response = JSON.readTree(answer.getData());
                    MicroSchema.assertValid(type, response);
                    assertEquals("2.0.0-rc.1+build.7", response.get("version").textValue(), "a SemVer version as it is");
                    assertEquals(id, response.get("id").textValue());
                    assertTrue(response.get("id").textValue().matches("[0-9A-Za-z]{22}"), "one subject token: " + response);
                }
            }
            assertEquals(0, micro.skippedCount());
        }
    }

    @Test
    void theNameAndTheIdNarrowTheAnswers() throws Exception {
        Service orders = Service.builder("orders").address("127.0.0.1:8080").version("1.0.0").build();
        Service ordersToo = Service.builder("orders").address("127.0.0.1:8081").version("1.0.1").build();
        Service payments = Service.builder("payments").address("127.0.0.1:9090").build();
        registry.register(orders);
        registry.register(ordersToo);
        registry.register(payments);

        try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
            Discovery two = new Discovery(client, EXPECTED, 2);
            assertEquals(Set.of("orders " + NatsMicro.idOf(orders), "orders " + NatsMicro.idOf(ordersToo)),
                    namesAndIds(two.ping("orders")));
            assertEquals(2, two.info("orders").size());
            assertEquals(2, two.stats("orders").size());

            Discovery one = new Discovery(client, EXPECTED, 1);
            String id = NatsMicro.idOf(ordersToo);
            assertEquals("1.0.1", one.ping("orders", id).getVersion());
            assertEquals("registry instance orders@127.0.0.1:8081", one.info("orders", id).getDescription());
            assertEquals(id, one.stats("orders", id).getId());
            assertEquals(List.of("payments"), one.ping("payments").stream().map(ServiceResponse::getName).toList());

            assertNull(new Discovery(client, SILENCE, 1).ping("payments", id), "an id of another name");
            assertEquals(List.of(), namesAnswering("$SRV.INFO.nobody"), "no such name");
            assertEquals(0, micro.skippedCount());
        }
    }

    @Test
    void eachRequestReadsTheRegistrationsOfThatMoment() throws Exception {
        Registration orders = registry.register(Service.builder("orders").address("127.0.0.1:8080").build());
        String id = NatsMicro.idOf(orders.service());
        try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
            Discovery one = new Discovery(client, EXPECTED, 1);
            Instant exposed = one.stats("orders", id).getStarted().toInstant();

            orders.setStatus(Status.WARNING);
            assertEquals("warning", one.ping("orders", id).getMetadata().get("status"));
            orders.drain(Duration.ofMinutes(1));
            assertEquals("draining", one.ping("orders", id).getMetadata().get("status"));

            Instant beforeRegistering = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Registration payments = registry.register(Service.builder("payments").address("127.0.0.1:9090").build());
            Instant started = one.stats("payments", NatsMicro.idOf(payments.service())).getStarted().toInstant();
            assertFalse(started.isBefore(beforeRegistering), "registered after expose: started when first asked for, "
                    + started + " >= " + beforeRegistering);
            assertEquals(exposed, one.stats("orders", id).getStarted().toInstant(), "the same start at every request");

            orders.unregister();
            assertEquals(List.of("payments"), namesAnswering("$SRV.PING"), "an unregistered instance no longer answers");

            Registration again = registry.register(Service.builder("orders").address("127.0.0.1:8080").version("1.1.0").build());
            PingResponse back = one.ping("orders", id);
            assertEquals("1.1.0", back.getVersion(), "the same instance registered again: the same id, its new fields");
            assertEquals(id, NatsMicro.idOf(again.service()));
            assertEquals(0, micro.skippedCount());
        }
    }

    @Test
    void namesMicroRefusesAreSkippedAndCounted() throws Exception {
        registry.register(Service.builder("café").address("127.0.0.1:8080").build());
        registry.register(Service.builder("orders:v2").address("127.0.0.1:8081").build());
        registry.register(Service.builder("café").address("127.0.0.1:8082").build());
        registry.register(Service.builder("ok_name-2").address("127.0.0.1:8083").build());

        try (MicroResponder micro = NatsMicro.expose(registry, pubsub)) {
            assertEquals(List.of("ok_name-2"), namesAnswering("$SRV.PING"));
            assertEquals(new TreeSet<>(Set.of("café", "orders:v2")), micro.skippedNames());
            assertEquals(2, micro.skippedCount(), "names, not registrations nor requests");
            new Discovery(client, EXPECTED, 1).info();
            assertEquals(2, micro.skippedCount(), "each name is counted once");
        }
        assertFalse(NatsMicro.isMicroName("café"));
        assertFalse(NatsMicro.isMicroName("orders:v2"));
        assertFalse(NatsMicro.isMicroName(""));
        assertTrue(NatsMicro.isMicroName("Orders_2-eu"));
    }

    @Test
    void idsAreStableLettersAndDigitsOfTheNameAndAddressOnly() throws Exception {
        Service orders = Service.builder("orders").address("127.0.0.1:8080").build();
        String id = NatsMicro.idOf(orders);

        assertTrue(id.matches("[0-9A-Za-z]{22}"), id);
        assertEquals(id, NatsMicro.idOf(orders.toBuilder().version("9.9.9").status(Status.CRITICAL).kv("k", "v").build()),
                "the state is not the identity");
        assertNotEquals(id, NatsMicro.idOf(Service.builder("orders").address("127.0.0.1:8081").build()));
        assertNotEquals(id, NatsMicro.idOf(Service.builder("orderz").address("127.0.0.1:8080").build()));

        registry.register(orders);
        MicroResponder first = NatsMicro.expose(registry, pubsub);
        assertEquals(id, new Discovery(client, EXPECTED, 1).ping("orders").get(0).getId());
        assertThrows(IllegalStateException.class, () -> NatsMicro.expose(registry, pubsub), "one responder per registry");
        first.close();
        first.close();
        assertEquals(List.of(), namesAnswering("$SRV.PING"), "a closed responder no longer answers");
        try (MicroResponder second = NatsMicro.expose(registry, pubsub)) {
            assertEquals(id, new Discovery(client, EXPECTED, 1).ping("orders").get(0).getId(), "the same id again");
            assertEquals(0, second.skippedCount());
        }
    }

    @Test
    void closingTheRegistryEndsTheAnswers() throws Exception {
        registry.register(Service.builder("orders").address("127.0.0.1:8080").build());
        MicroResponder micro = NatsMicro.expose(registry, pubsub);
        assertEquals(1, new Discovery(client, EXPECTED, 1).ping().size());

        registry.close();

        assertEquals(List.of(), namesAnswering("$SRV.PING"), "the registry closed its pubsub's dispatcher");
        micro.close();
        assertEquals(Connection.Status.CONNECTED, registryConnection.getStatus(), "the caller's connection stays open");
    }

    /**
     * The names in the answers to a request on {@code subject} within {@link #SILENCE}. Not jnats' {@code Discovery}:
     * when nobody listens, the server answers "no responders" (a status message without a body), which it cannot parse.
     */
    private List<String> namesAnswering(String subject) throws Exception {
        String inbox = client.createInbox();
        Subscription answers = client.subscribe(inbox);
        client.publish(subject, inbox, null);
        List<String> names = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMillis(SILENCE).toNanos();
        for (Message answer = answers.nextMessage(Duration.ofMillis(SILENCE)); answer != null;
             answer = answers.nextMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            if (!answer.isStatusMessage()) {
                names.add(JSON.readTree(answer.getData()).get("name").textValue());
            }
        }
        answers.unsubscribe();
        return names;
    }

    private static Set<String> namesAndIds(List<? extends ServiceResponse> responses) {
        assertEquals(responses.size(), responses.stream().map(ServiceResponse::getId).distinct().count(),
                "each instance answers once: " + responses);
        return responses.stream().map(response -> response.getName() + " " + response.getId()).collect(Collectors.toSet());
    }
}
