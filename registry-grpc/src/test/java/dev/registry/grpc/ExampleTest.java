package dev.registry.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.grpc.NameResolverRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's configuration, as a user has it: the provider is on the default resolver registry through
 * {@code META-INF/services}, and {@link GreeterClientExample} (a JVM of its own, configured only by
 * {@code REGISTRY_*} variables) reaches the servers this test registers with its {@code registry:///greeter} target.
 */
class ExampleTest extends GrpcTestBase {

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
    void theProviderIsOnTheDefaultResolverRegistry() {
        assertTrue(NameResolverRegistry.getDefaultRegistry().getProviderForScheme("registry") instanceof RegistryNameResolverProvider);
    }

    @Test
    void aClientConfiguredByTheEnvironmentCallsEveryServer() throws IOException, InterruptedException {
        serve(server("one"), "greeter");
        serve(server("two"), "greeter");

        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                GreeterClientExample.class.getName(), "20").redirectErrorStream(true);
        child.environment().put("REGISTRY_URL", busUrl());
        child.environment().put("REGISTRY_PREFIX", mainTopic());
        child.environment().put("REGISTRY_LOOKUP_TIMEOUT", LOOKUP_TIMEOUT.toMillis() + "ms");
        Process process = child.start();
        closeAfter(process::destroyForcibly);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the example ends by itself");

        assertEquals(0, process.exitValue(), output);
        List<String> answers = output.lines().filter(line -> line.startsWith("answered by ")).toList();
        assertEquals(20, answers.size(), output);
        assertEquals(Set.of("answered by one", "answered by two"), Set.copyOf(answers), output);
    }
}
