package dev.registry.tck;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.Pubsub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the registry contract suites share: registries and raw connections on the bus under test, closed after
 * each test, under a main topic of the test's own.
 */
public abstract class RegistryTestBase {

    /** Generous for a loaded CI machine; a lookup only waits this long when nothing answers. */
    protected static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(1);

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** The main topic of the running test, unique to it, so tests on one broker never hear each other. */
    protected String prefix;

    /** A new, independent connection to the bus under test. */
    protected abstract Pubsub newPubsub();

    @BeforeEach
    void uniqueMainTopic() {
        prefix = "t" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    /** Options under this test's main topic, without a shutdown hook (the test closes its registries). */
    protected RegistryOptions.Builder options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(LOOKUP_TIMEOUT).unregisterOnShutdown(false);
    }

    /** A registry on a new connection with {@link #options()}, closed after the test. */
    protected Registry registry() {
        return registry(options().build());
    }

    /** A registry on a new connection with {@code options}, closed after the test. */
    protected Registry registry(RegistryOptions options) {
        Registry registry = Registry.connect(newPubsub(), options);
        opened.add(registry);
        return registry;
    }

    /** A bare connection, to publish and read raw bytes as a Go peer would. */
    protected Pubsub raw() {
        Pubsub pubsub = newPubsub();
        opened.add(pubsub);
        return pubsub;
    }

    /** The wire topic of {@code kind} ({@code register}, {@code unregister}, {@code ping}) for {@code name} under this test's main topic. */
    protected String topic(String kind, String name) {
        return prefix + "." + kind + "." + name;
    }

    /** An instance of {@code name} at {@code address}, with nothing else set. */
    protected static Service service(String name, String address) {
        return Service.builder(name).address(address).build();
    }

    /** A register message as a Go peer writes it, sent now. */
    protected static byte[] goRegister(String name, String address, long durationMillis, String extraFields) {
        return ("{\"add\":\"" + address + "\",\"name\":\"" + name + "\",\"h\":\"go-host\",\"t\":{\"Registered\":"
                + System.currentTimeMillis() + ",\"Duration\":" + durationMillis + "}" + extraFields + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code payload} read as UTF-8, as the wire encodes it. */
    protected static String utf8(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
