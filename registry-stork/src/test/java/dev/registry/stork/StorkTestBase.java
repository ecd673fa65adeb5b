package dev.registry.stork;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.test.TestConfigProvider;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Stork tests share: Stork configured through its test config provider (as Stork's own provider tests
 * are), registries on the bus under test under a main topic of the test's own, and clean-up of both after each test.
 */
abstract class StorkTestBase {

    /** How long a cold lookup waits for answers: generous for a loaded 2-core machine. */
    static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(500);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private String prefix;

    /** The bus under test, such as {@code nats://127.0.0.1:4222}. */
    protected abstract String busUrl();

    /** A short name for the bus in printed figures. */
    protected abstract String busName();

    @BeforeEach
    void uniqueMainTopic() {
        prefix = "stork" + UUID.randomUUID().toString().replace("-", "");
        TestConfigProvider.clear();
    }

    @AfterEach
    void closeAll() throws Exception {
        Stork.shutdown();
        StorkRegistries.closeAll();
        TestConfigProvider.clear();
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    String mainTopic() {
        return prefix;
    }

    /** The attributes naming this test's bus, as {@code stork.<service>.service-discovery.*} properties would. */
    Map<String, String> busAttributes() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("url", busUrl());
        attributes.put("main-topic", prefix);
        attributes.put("lookup-timeout", LOOKUP_TIMEOUT.toMillis() + "ms");
        return attributes;
    }

    /** Declares {@code service} with a {@code registry} discovery of {@code attributes} (round-robin by default). */
    static void discovery(String service, Map<String, String> attributes) {
        TestConfigProvider.addServiceConfig(service, null, "registry", null, null, attributes, null);
    }

    /** Declares {@code service} with a {@code registry} registrar of {@code attributes}. */
    static void registrar(String service, Map<String, String> attributes) {
        TestConfigProvider.addServiceConfig(service, null, null, "registry", null, null, attributes);
    }

    /** A registry on this test's bus and main topic (a process of its own), closed after the test. */
    Registry registry() {
        Registry registry = Registry.connect(busUrl(), RegistryOptions.builder().mainTopic(prefix)
                .lookupTimeout(LOOKUP_TIMEOUT).unregisterOnShutdown(false).build());
        opened.push(registry);
        return registry;
    }

    /** The instances Stork lists for {@code service} now. */
    static List<ServiceInstance> instances(String service) {
        return Stork.getInstance().getService(service).getInstances().await().atMost(Duration.ofSeconds(5));
    }
}
