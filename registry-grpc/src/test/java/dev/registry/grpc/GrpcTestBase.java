package dev.registry.grpc;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolverRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the gRPC tests share: registries on the bus under test (each its own connection, under a main topic of
 * the test's own), gRPC servers registered through them and channels resolving through a client registry; all
 * closed after each test, the last opened first.
 */
abstract class GrpcTestBase {

    /** How long a cold lookup (a watch's first list) waits for answers: generous for a loaded 2-core machine. */
    static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(500);

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private String prefix;

    /** The bus under test, such as {@code nats://127.0.0.1:4222}. */
    protected abstract String busUrl();

    /** A short name for the bus in printed figures. */
    protected abstract String busName();

    @BeforeEach
    void uniqueMainTopic() {
        prefix = "grpc" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    /** Options under this test's main topic, without a shutdown hook (the test closes its registries). */
    RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(LOOKUP_TIMEOUT).unregisterOnShutdown(false).build();
    }

    String mainTopic() {
        return prefix;
    }

    Registry registry() {
        Registry registry = Registry.connect(busUrl(), options());
        opened.push(registry);
        return registry;
    }

    GreeterServer server(String id) {
        GreeterServer server = GreeterServer.start(id);
        opened.push(server);
        return server;
    }

    /** Registers {@code server} under {@code name} through a registry (a process) of its own. */
    GrpcServerRegistration serve(GreeterServer server, String name) {
        return GrpcServerRegistration.register(registry(), server.server(), Service.builder(name).kv("server", server.id()));
    }

    /** A round-robin channel to {@code registry:///name}, resolved through {@code client}. */
    ManagedChannel channel(Registry client, String name) {
        NameResolverRegistry resolvers = new NameResolverRegistry();
        resolvers.register(new RegistryNameResolverProvider(client));
        return channel(resolvers, name);
    }

    ManagedChannel channel(NameResolverRegistry resolvers, String name) {
        ManagedChannel channel = Grpc.newChannelBuilder("registry:///" + name, InsecureChannelCredentials.create(), resolvers)
                .defaultLoadBalancingPolicy("round_robin")
                .build();
        opened.push(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        return channel;
    }

    /** Something the test opened and must close after it, before what was opened earlier. */
    void closeAfter(AutoCloseable closeable) {
        opened.push(closeable);
    }
}
