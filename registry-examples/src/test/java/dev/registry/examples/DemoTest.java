package dev.registry.examples;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo in this JVM: greeters in-process on the in-memory bus, in child processes on NATS and Redis. */
class DemoTest {

    @Test
    void runsTheWholeScenarioOnTheInMemoryBus() {
        String output = run("mem://demo-" + UUID.randomUUID());

        DemoScenario.assertScenario(output);
        assertTrue(output.contains("stopping instance 2: closing its registry, which unregisters it"), output);
    }

    @Test
    void runsTheGreetersAsProcessesOnNatsAndStopsOneWithSigterm() {
        try (Broker nats = Brokers.nats()) {
            String output = run(Brokers.natsUrl(nats));

            DemoScenario.assertScenario(output);
            assertTrue(output.contains("stopping instance 2: SIGTERM: its shutdown hook unregisters it"), output);
        }
    }

    @Test
    void runsTheGreetersAsProcessesOnRedis() {
        try (Broker redis = Brokers.redis()) {
            DemoScenario.assertScenario(run(Brokers.redisUrl(redis)));
        }
    }

    private static String run(String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), url).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
