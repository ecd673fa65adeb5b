package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.nats.MicroResponder;
import dev.registry.nats.NatsMicro;
import dev.registry.nats.NatsPubsub;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.service.ServiceBuilder;
import io.nats.service.ServiceEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code registry ls --micro} against a real nats-server: a jnats {@code io.nats.service.Service} started here is
 * listed below the registered instances, and so is a registry made visible with {@link NatsMicro#expose}; on
 * another bus the option is a usage error, before connecting.
 */
class MicroListIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void lsMicroListsTheMicroServicesNextToTheRegisteredInstances() throws Exception {
        String url = Brokers.natsUrl(NATS.server());
        Connection connection = Nats.connect(url);
        try {
            io.nats.service.Service sorter = new ServiceBuilder().connection(connection).name("sorter").version("1.2.3")
                    .description("sorts numbers").metadata(Map.of("team", "algo"))
                    .addServiceEndpoint(ServiceEndpoint.builder().endpointName("ascending").endpointSubject("sort.asc")
                            .handler(request -> request.respond(connection, "sorted")).build())
                    .build();
            sorter.startService();
            assertTrue(sorter.isStarted(10, TimeUnit.SECONDS));
            connection.flush(Duration.ofSeconds(10));
            NatsPubsub pubsub = NatsPubsub.connect(url);
            try (Registry registry = Registry.connect(pubsub, RegistryOptions.builder().mainTopic(prefix)
                    .registerInterval(Duration.ofMillis(200)).unregisterOnShutdown(false).build());
                 MicroResponder exposed = NatsMicro.expose(registry, pubsub)) {
                Service greeter = Service.builder("greeter").address("127.0.0.1:9001").version("1.0.0").kv("zone", "eu").build();
                registry.register(greeter);

                RegistryCli.Result table = RegistryCli.run(environment(), "ls", "--micro", "--wait", "1s");
                RegistryCli.Result json = RegistryCli.run(environment(), "ls", "--wait=1s", "--json", "--micro");

                assertEquals(0, table.exit(), table.toString());
                List<String> rows = table.stdout().lines().toList();
                assertEquals(6, rows.size(), table.toString());
                assertTrue(rows.get(0).matches("SERVICE +ADDRESS +STATUS +VERSION +HOST +URL +KV"), table.toString());
                assertTrue(rows.get(1).matches("greeter +127\\.0\\.0\\.1:9001 +passing +1\\.0\\.0 .* zone=eu"), table.toString());
                assertEquals("", rows.get(2), "a blank line between the tables: " + table);
                assertTrue(rows.get(3).matches("MICRO-SERVICE +ID +VERSION +ENDPOINTS +METADATA +DESCRIPTION"), table.toString());
                assertTrue(rows.get(4).matches("greeter +" + NatsMicro.idOf(greeter) + " +1\\.0\\.0 +- +address=127\\.0\\.0\\.1:9001,"
                        + "host=\\S+,kv\\.zone=eu,status=passing,url= +registry instance greeter@127\\.0\\.0\\.1:9001"), table.toString());
                assertTrue(rows.get(5).matches("sorter +" + sorter.getId() + " +1\\.2\\.3 +ascending=sort\\.asc +team=algo +sorts numbers"),
                        table.toString());
                assertTrue(table.stderr().startsWith("listening 1s for the services and the NATS micro services on " + url
                        + " (main topic " + prefix + ")"), table.toString());
                assertTrue(table.stderr().endsWith("1 instance of 1 service, 2 NATS micro service instances of 2 names\n"),
                        table.toString());

                assertEquals(0, json.exit(), json.toString());
                JsonNode listing = JSON.readTree(json.stdout());
                assertEquals(1, listing.get("instances").size(), json.toString());
                assertEquals("greeter", listing.get("instances").get(0).get("name").asText());
                JsonNode micro = listing.get("micro");
                assertEquals(2, micro.size(), json.toString());
                JsonNode service = micro.get(1);
                assertEquals("sorter", service.get("name").asText());
                assertEquals(sorter.getId(), service.get("id").asText());
                assertEquals("1.2.3", service.get("version").asText());
                assertEquals("sorts numbers", service.get("description").asText());
                assertEquals("algo", service.get("metadata").get("team").asText());
                JsonNode endpoint = service.get("endpoints").get(0);
                assertEquals("ascending", endpoint.get("name").asText());
                assertEquals("sort.asc", endpoint.get("subject").asText());
                assertEquals("q", endpoint.get("queue_group").asText(), "micro's default queue group");
                assertEquals("127.0.0.1:9001", micro.get(0).get("metadata").get("address").asText());
                assertEquals(0, micro.get(0).get("endpoints").size());
                assertEquals(0, exposed.skippedCount());
            } finally {
                sorter.stop();
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void lsMicroOnAnotherBusIsAUsageErrorBeforeConnecting() {
        // nothing listens on port 1: a connection attempt would fail with status 1, the usage error comes first
        RegistryCli.Result redis = RegistryCli.run(Map.of("REGISTRY_URL", "redis://127.0.0.1:1"), "ls", "--micro", "--wait", "1s");
        RegistryCli.Result memory = RegistryCli.run(Map.of(), "--url", "mem://demo", "ls", "--micro");

        assertEquals(2, redis.exit(), redis.toString());
        assertEquals("registry: --micro lists NATS micro services, so it needs a NATS bus (nats:// or tls://), but the bus is"
                + " redis://127.0.0.1:1 (main topic registry)", redis.stderr().lines().findFirst().orElse(""), redis.toString());
        assertTrue(redis.stderr().lines().skip(1).findFirst().orElse("").startsWith("usage: registry ls "), redis.toString());
        assertEquals("", redis.stdout());
        assertEquals(2, memory.exit(), memory.toString());
        assertTrue(memory.stderr().contains("but the bus is mem://demo"), memory.toString());
    }

    private Map<String, String> environment() {
        return Map.of("REGISTRY_URL", Brokers.natsUrl(NATS.server()), "REGISTRY_PREFIX", prefix);
    }
}
