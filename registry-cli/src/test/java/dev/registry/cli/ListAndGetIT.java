package dev.registry.cli;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.BrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code registry ls} and {@code registry get} against a real nats-server, configured from the environment. */
class ListAndGetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void lsListsEveryInstanceOfEveryNameThatAnnouncedItselfPingingTheSilentOnes() throws Exception {
        try (Registry beating = registry(Duration.ofMillis(200)); Registry silent = registry(Duration.ofMinutes(1))) {
            beating.register(Service.builder("alpha").address("127.0.0.1:9001").version("1.0.0")
                    .url("http://127.0.0.1:9001/").kv("zone", "eu").build());
            beating.register(Service.builder("beta").address("127.0.0.1:9003").status(Status.WARNING).build());
            // Announced before ls starts and silent for a minute: ls learns it only by pinging alpha.
            silent.register(Service.builder("alpha").address("127.0.0.1:9002").build());
            // No instance of gamma announces itself while ls listens: the protocol cannot list names.
            silent.register(Service.builder("gamma").address("127.0.0.1:9004").build());

            RegistryCli.Result table = RegistryCli.run(environment(), "ls", "--wait", "1s");
            RegistryCli.Result json = RegistryCli.run(environment(), "ls", "--wait=1s", "--json");

            assertEquals(0, table.exit(), table.toString());
            List<String> rows = table.stdout().lines().toList();
            assertEquals(4, rows.size(), table.toString());
            assertTrue(rows.get(0).matches("SERVICE +ADDRESS +STATUS +VERSION +HOST +URL +KV"), table.toString());
            assertTrue(rows.get(1).matches("alpha +127\\.0\\.0\\.1:9001 +passing +1\\.0\\.0 +\\S+ +http://127\\.0\\.0\\.1:9001/ +zone=eu"),
                    table.toString());
            assertTrue(rows.get(2).matches("alpha +127\\.0\\.0\\.1:9002 +passing +- +\\S+ +- +-"), table.toString());
            assertTrue(rows.get(3).matches("beta +127\\.0\\.0\\.1:9003 +warning .*"), table.toString());
            assertTrue(table.stderr().startsWith("listening 1s for the services on " + Brokers.natsUrl(NATS.server())
                    + " (main topic " + prefix + ")"), table.toString());
            assertTrue(table.stderr().endsWith("3 instances of 2 services\n"), table.toString());

            assertEquals(0, json.exit(), json.toString());
            JsonNode instances = JSON.readTree(json.stdout());
            assertEquals(3, instances.size(), json.toString());
            JsonNode first = instances.get(0);
            assertEquals("alpha", first.get("name").asText());
            assertEquals("127.0.0.1:9001", first.get("address").asText());
            assertEquals("http://127.0.0.1:9001/", first.get("url").asText());
            assertEquals("1.0.0", first.get("version").asText());
            assertEquals("passing", first.get("status").asText());
            assertEquals("eu", first.get("kv").get("zone").asText());
            assertEquals("", instances.get(1).get("version").asText(), "every field, empty ones too");
            assertEquals("warning", instances.get(2).get("status").asText());
        }
    }

    @Test
    void getPrintsTheInstancesThatPassTheFiltersInOrder() throws Exception {
        try (Registry registry = registry(RegistryOptions.defaults().registerInterval())) {
            registry.register(Service.builder("greeter").address("127.0.0.1:9101").build());
            registry.register(Service.builder("greeter").address("127.0.0.1:9102").status(Status.CRITICAL).build());
            registry.register(Service.builder("greeter").address("127.0.0.1:9103").host("elsewhere").build());

            RegistryCli.Result all = RegistryCli.run(environment(), "get", "greeter");
            RegistryCli.Result localAndPassing = RegistryCli.run(environment(), "get", "greeter", "--filter", "local",
                    "--filter", "passing", "--json");
            RegistryCli.Result oneBalanced = RegistryCli.run(environment(), "get", "greeter", "--filter", "passing,lb");

            assertEquals(0, all.exit(), all.toString());
            assertEquals(4, all.stdout().lines().count(), all.toString());
            assertTrue(all.stdout().contains("127.0.0.1:9102  critical"), all.toString());
            assertEquals(0, localAndPassing.exit(), localAndPassing.toString());
            JsonNode local = JSON.readTree(localAndPassing.stdout());
            assertEquals(1, local.size(), localAndPassing.toString());
            assertEquals("127.0.0.1:9101", local.get(0).get("address").asText());
            assertEquals(0, oneBalanced.exit(), oneBalanced.toString());
            List<String> rows = oneBalanced.stdout().lines().toList();
            assertEquals(2, rows.size(), "a header and one instance: " + oneBalanced);
            assertTrue(rows.get(1).contains("127.0.0.1:9101") || rows.get(1).contains("127.0.0.1:9103"), oneBalanced.toString());
        }
    }

    @Test
    void getOfANameNobodyAnswersFailsAndAnotherPrefixIsAnotherTenant() {
        try (Registry registry = registry(RegistryOptions.defaults().registerInterval())) {
            registry.register(Service.builder("greeter").address("127.0.0.1:9201").build());

            RegistryCli.Result nobody = RegistryCli.run(environment(), "get", "nobody", "--timeout", "300ms");
            RegistryCli.Result otherTenant = RegistryCli.run(environment(), "--prefix", prefix + "-other", "get", "greeter");
            RegistryCli.Result badFilter = RegistryCli.run(environment(), "get", "greeter", "--filter", "fastest");

            assertEquals(1, nobody.exit(), nobody.toString());
            assertEquals("registry: no instance of 'nobody' answered within 300ms on " + Brokers.natsUrl(NATS.server())
                    + " (main topic " + prefix + ")\n", nobody.stderr());
            assertEquals("", nobody.stdout());
            assertEquals(1, otherTenant.exit(), otherTenant.toString());
            assertTrue(otherTenant.stderr().contains("(main topic " + prefix + "-other)"), otherTenant.toString());
            assertEquals(2, badFilter.exit(), badFilter.toString());
            assertTrue(badFilter.stderr().startsWith("registry: --filter 'fastest': use lb, local, passing, weighted, version:RANGE or sticky:KEY"), badFilter.toString());
        }
    }

    private Registry registry(Duration registerInterval) {
        return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic(prefix)
                .registerInterval(registerInterval).unregisterOnShutdown(false).build());
    }

    private Map<String, String> environment() {
        return Map.of("REGISTRY_URL", Brokers.natsUrl(NATS.server()), "REGISTRY_PREFIX", prefix);
    }
}
