package dev.registry.cli;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.EventRecorder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code registry register} until stopped, and {@code registry ping}, as other processes on the bus see them. */
class RegisterAndPingIT {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final String prefix = "reg-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void registerAnnouncesTheInstanceUntilTerminatedThenUnregistersIt() {
        EventRecorder events = new EventRecorder();
        try (Registry observer = registry()) {
            observer.observe("greeter", events);
            try (RegistryCli.Running register = RegistryCli.start(environment(), "register", "greeter", "127.0.0.1:9501",
                    "--kv", "zone=eu", "--kv", "team=a=b", "--version", "2.0.0", "--service-url", "http://127.0.0.1:9501/",
                    "--status", "warning")) {
                Service announced = events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:9501").service();
                register.awaitLine("the confirmation", line -> line.equals("registered greeter 127.0.0.1:9501 on "
                        + Brokers.natsUrl(NATS.server()) + " (main topic " + prefix + "); Ctrl-C to unregister"));

                assertEquals(Map.of("zone", "eu", "team", "a=b"), announced.kv());
                assertEquals("2.0.0", announced.version());
                assertEquals("http://127.0.0.1:9501/", announced.url());
                assertEquals(Status.WARNING, announced.status());
                assertFalse(announced.host().isEmpty(), "the host defaults to this machine's name");

                assertEquals(143, register.terminate());
                events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:9501");
                register.awaitErrorLine("the goodbye", line -> line.equals("unregistered greeter 127.0.0.1:9501"));
                assertTrue(events.of(ServiceEvent.Type.EXPIRED).isEmpty());
            }
        }
    }

    @Test
    void registerRejectsMalformedArguments() {
        RegistryCli.Result badKv = RegistryCli.run(environment(), "register", "greeter", "127.0.0.1:9502", "--kv", "zone");
        RegistryCli.Result badName = RegistryCli.run(environment(), "register", "green.eggs", "127.0.0.1:9502");
        RegistryCli.Result badStatus = RegistryCli.run(environment(), "register", "greeter", "127.0.0.1:9502", "--status", "ok");

        assertEquals(2, badKv.exit(), badKv.toString());
        assertTrue(badKv.stderr().startsWith("registry: ") && badKv.stderr().contains("'--kv'")
                && badKv.stderr().contains("KEY=VALUE format but was zone"), badKv.toString());
        assertEquals(2, badName.exit(), badName.toString());
        assertTrue(badName.stderr().contains("'green.eggs'"), badName.toString());
        assertEquals(2, badStatus.exit(), badStatus.toString());
    }

    @Test
    void pingPrintsEveryInstanceThatAnsweredWithItsRoundTrip() {
        try (Registry registry = registry()) {
            registry.register(Service.builder("greeter").address("127.0.0.1:9601").build());
            registry.register(Service.builder("greeter").address("127.0.0.1:9602").status(Status.CRITICAL).build());

            RegistryCli.Result found = RegistryCli.run(environment(), "ping", "greeter");
            RegistryCli.Result missing = RegistryCli.run(environment(), "ping", "nobody");

            assertEquals(0, found.exit(), found.toString());
            List<String> lines = found.stdout().lines().toList();
            assertEquals(3, lines.size(), found.toString());
            assertTrue(lines.get(0).matches("greeter 127\\.0\\.0\\.1:9601 \\(host \\S+, passing\\): \\d+\\.\\d ms"), found.toString());
            assertTrue(lines.get(1).matches("greeter 127\\.0\\.0\\.1:9602 \\(host \\S+, critical\\): \\d+\\.\\d ms"), found.toString());
            assertEquals("2 instances of 'greeter' answered within 500ms", lines.get(2));
            assertEquals(1, missing.exit(), missing.toString());
            assertTrue(missing.stderr().startsWith("registry: no instance of 'nobody' answered within 500ms on "), missing.toString());
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
