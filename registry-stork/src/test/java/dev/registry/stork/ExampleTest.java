package dev.registry.stork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's configuration as a user has it: {@link StorkClientExample} runs in a JVM of its own whose only
 * configuration is {@code stork.greeter.service-discovery.*} system properties, read by Stork's MicroProfile Config
 * provider (as Quarkus reads {@code application.properties}), and selects the instances this test registers.
 */
class ExampleTest extends StorkTestBase {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Override
    protected String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }

    @Override
    protected String busName() {
        return "nats";
    }

    @Test
    void aStorkClientConfiguredByPropertiesSelectsEveryInstanceInTurn() throws IOException, InterruptedException {
        registry().register(Service.builder("greeter").address("127.0.0.1:9001").build());
        registry().register(Service.builder("greeter").address("127.0.0.1:9002").build());

        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", classPathWithoutStorkTestConfig(),
                "-Dstork.greeter.service-discovery.type=registry",
                "-Dstork.greeter.service-discovery.url=" + busUrl(),
                "-Dstork.greeter.service-discovery.main-topic=" + mainTopic(),
                "-Dstork.greeter.service-discovery.lookup-timeout=" + LOOKUP_TIMEOUT.toMillis() + "ms",
                StorkClientExample.class.getName(), "4").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the example ends by itself");

        assertEquals(0, process.exitValue(), output);
        List<String> selected = output.lines().filter(line -> line.startsWith("selected ")).sorted().toList();
        assertEquals(List.of("selected 127.0.0.1:9001", "selected 127.0.0.1:9001", "selected 127.0.0.1:9002",
                "selected 127.0.0.1:9002"), selected, output);
    }

    /** This JVM's class path less stork-test-utils, whose config provider would outrank the MicroProfile one. */
    private static String classPathWithoutStorkTestConfig() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("stork-test-utils"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
