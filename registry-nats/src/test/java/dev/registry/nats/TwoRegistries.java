package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.Pubsub;
import java.time.Duration;
import java.util.UUID;

/** The proof that a connection setup works end to end: registries on two connections find each other. */
final class TwoRegistries {

    private TwoRegistries() {
    }

    /**
     * Opens a registry on each pubsub (closed afterwards, with its pubsub), registers a service on each, and
     * asserts that each finds the other's.
     */
    static void assertSeeEachOther(Pubsub first, Pubsub second) {
        RegistryOptions options = RegistryOptions.builder().mainTopic("p" + UUID.randomUUID().toString().replace("-", ""))
                .lookupTimeout(Duration.ofSeconds(2)).build();
        try (Registry one = Registry.connect(first, options); Registry other = Registry.connect(second, options)) {
            one.register(Service.builder("first").address("127.0.0.1:1").build());
            other.register(Service.builder("second").address("127.0.0.1:2").build());

            assertEquals("127.0.0.1:1", other.getService("first").address());
            assertEquals("127.0.0.1:2", one.getService("second").address());
        }
    }
}
