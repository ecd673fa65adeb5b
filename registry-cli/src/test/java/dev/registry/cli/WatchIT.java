package dev.registry.cli;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.BrokerExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code registry watch}: events printed as they happen, until the process is stopped. */
class WatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final String prefix = "watch-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void watchPrintsEveryEventOfEveryServiceUntilStopped() {
        try (Registry registry = registry(); RegistryCli.Running watch = RegistryCli.start(environment(), "watch")) {
            watch.awaitErrorLine("the watch started", line -> line.startsWith("watching every service on "));

            Registration greeter = registry.register(Service.builder("greeter").address("127.0.0.1:9301").version("1.0.0").build());
            String registered = watch.awaitLine("REGISTERED", line -> line.contains(" REGISTERED "));
            greeter.setStatus(Status.CRITICAL);
            String updated = watch.awaitLine("UPDATED", line -> line.contains(" UPDATED "));
            greeter.unregister();
            String unregistered = watch.awaitLine("UNREGISTERED", line -> line.contains(" UNREGISTERED "));

            assertTrue(registered.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} REGISTERED +greeter 127\\.0\\.0\\.1:9301 passing"
                    + " version=1\\.0\\.0 host=\\S+ url=- kv=-"), registered);
            assertTrue(updated.contains("greeter 127.0.0.1:9301 critical"), updated);
            assertTrue(unregistered.contains("greeter 127.0.0.1:9301"), unregistered);
            assertEquals(143, watch.terminate(), "128 + SIGTERM, as a shell reports it");
        }
    }

    @Test
    void watchOfOneNameShowsItsCurrentInstancesAtOnceAndOnlyThatName() throws Exception {
        try (Registry registry = registry()) {
            // Registered before the watch starts, with a 20 s heartbeat: only the watch's ping can show it now.
            registry.register(Service.builder("greeter").address("127.0.0.1:9401").kv("zone", "eu").build());
            try (RegistryCli.Running watch = RegistryCli.start(environment(), "watch", "greeter", "--json")) {
                JsonNode current = JSON.readTree(watch.awaitLine("the current instance", line -> line.contains("9401")));
                watch.awaitErrorLine("the watch started", line -> line.startsWith("watching 'greeter' on "));
                registry.register(Service.builder("other").address("127.0.0.1:9402").build());
                registry.register(Service.builder("greeter").address("127.0.0.1:9403").build());
                watch.awaitLine("the new instance", line -> line.contains("9403"));

                assertEquals("REGISTERED", current.get("event").asText());
                assertTrue(current.get("time").asText().endsWith("Z"), current.toString());
                assertEquals("greeter", current.get("service").get("name").asText());
                assertEquals("eu", current.get("service").get("kv").get("zone").asText());
                assertTrue(watch.stdout().stream().noneMatch(line -> line.contains("9402")), watch.stdout().toString());
                assertEquals(2, watch.stdout().size(), watch.stdout().toString());
            }
        }
    }

    private Registry registry() {
        return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic(prefix)
                .unregisterOnShutdown(false).build());
    }

    private Map<String, String> environment() {
        return Map.of("REGISTRY_URL", Brokers.natsUrl(NATS.server()), "REGISTRY_PREFIX", prefix);
    }
}
