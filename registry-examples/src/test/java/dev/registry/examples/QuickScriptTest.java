package dev.registry.examples;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The quick script as a user runs it: a process configured by REGISTRY_* variables (Registry.connect()). */
class QuickScriptTest {

    @Test
    void listsTheInstancesOfEachNameFromTheBusTheEnvironmentNames() throws Exception {
        try (Broker nats = Brokers.nats();
             Registry registry = Registry.connect(Brokers.natsUrl(nats), RegistryOptions.builder().mainTopic("scripts").build())) {
            registry.register(Service.builder("greeter").address("127.0.0.1:8080").url("http://127.0.0.1:8080/").build());
            Map<String, String> environment = Map.of("REGISTRY_URL", Brokers.natsUrl(nats), "REGISTRY_PREFIX", "scripts",
                    "REGISTRY_LOOKUP_TIMEOUT", "1s");

            Result found = run(environment, "greeter");
            Result missing = run(environment, "greeter", "nobody");
            Result otherPrefix = run(Map.of("REGISTRY_URL", Brokers.natsUrl(nats)), "greeter");

            assertEquals(0, found.exit(), found.output());
            assertEquals("greeter 127.0.0.1:8080 passing http://127.0.0.1:8080/\n", found.output());
            assertEquals(1, missing.exit(), missing.output());
            assertTrue(missing.output().endsWith("nobody - none\n"), missing.output());
            assertEquals("greeter - none\n", otherPrefix.output(), "another main topic is another tenant");
        }
    }

    @Test
    void anInvalidVariableStopsTheScriptNamingTheVariableAndItsValue() throws Exception {
        Result result = run(Map.of("REGISTRY_URL", "mem://x", "REGISTRY_LOOKUP_TIMEOUT", "soon"), "greeter");

        assertEquals(1, result.exit());
        assertTrue(result.output().contains("REGISTRY_LOOKUP_TIMEOUT='soon': not a duration"), result.output());
    }

    private static Result run(Map<String, String> environment, String... names) throws IOException, InterruptedException {
        Process script = ChildJvm.of(QuickScript.class, environment, names).redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(30, TimeUnit.SECONDS));
        return new Result(script.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
