package dev.registry.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.SynchronizationContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The resolver as gRPC drives it, with a recording listener instead of a channel, over a real nats-server. */
class RegistryNameResolverTest extends GrpcTestBase {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final List<NameResolver.ResolutionResult> results = new CopyOnWriteArrayList<>();
    private final List<Status> errors = new CopyOnWriteArrayList<>();
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    /** The channel's context: gRPC calls start, refresh and shutdown in it, and results are delivered in it. */
    private final SynchronizationContext context = new SynchronizationContext((thread, failure) -> uncaught.add(failure));

    @Override
    protected String busUrl() {
        return Brokers.natsUrl(NATS.server());
    }

    @Override
    protected String busName() {
        return "nats";
    }

    @Test
    void pushesEveryChangeWithEachInstancesKvAsAttributes() {
        Registry client = registry();
        Registry server = registry();
        NameResolver resolver = start(new RegistryNameResolverProvider(client), "registry:///orders");
        assertEquals("orders", resolver.getServiceAuthority());
        Await.until("an error while orders has no instance", () -> last() != null && !last().getAddressesOrError().hasValue());
        assertEquals(Status.Code.UNAVAILABLE, last().getAddressesOrError().getStatus().getCode());

        Registration one = server.register(Service.builder("orders").address("127.0.0.1:7001").kv("zone", "eu").build());
        server.register(Service.builder("orders").address("127.0.0.1:7002").build());
        Await.until("both addresses", () -> addresses().size() == 2);
        EquivalentAddressGroup first = addresses().stream()
                .filter(group -> group.getAddresses().equals(List.of(new InetSocketAddress("127.0.0.1", 7001)))).findFirst().orElseThrow();
        assertEquals(Map.of("zone", "eu"), first.getAttributes().get(RegistryNameResolverProvider.KV));

        one.unregister();
        Await.until("one address left", () -> addresses().size() == 1);
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 7002)), addresses().get(0).getAddresses());

        context.execute(resolver::shutdown);
        int delivered = results.size();
        server.register(Service.builder("orders").address("127.0.0.1:7003").build());
        Await.holdsFor(LOOKUP_TIMEOUT, "nothing is delivered after shutdown", () -> results.size() == delivered);
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(uncaught.isEmpty(), uncaught.toString());
    }

    @Test
    void anOwnedRegistryIsConnectedByTheFirstResolverAndClosedAfterTheLast() {
        Registry server = registry();
        server.register(Service.builder("orders").address("127.0.0.1:7001").build());
        RegistryNameResolverProvider provider = new RegistryNameResolverProvider(dev.registry.EnvironmentConfig.from(Map.of(
                "REGISTRY_URL", busUrl(), "REGISTRY_PREFIX", mainTopic(), "REGISTRY_LOOKUP_TIMEOUT", "500ms",
                "REGISTRY_UNREGISTER_ON_SHUTDOWN", "false")));

        NameResolver first = start(provider, "registry:///orders");
        NameResolver second = start(provider, "registry:///orders");
        Await.until("both resolvers have the address", () -> results.size() >= 2 && results.stream()
                .allMatch(result -> result.getAddressesOrError().hasValue() && result.getAddressesOrError().getValue().size() == 1));
        context.execute(first::shutdown);
        context.execute(second::refresh); // the shared connection is still open: the last list is handed again
        Await.until("the refresh is delivered", () -> results.size() >= 3);
        context.execute(second::shutdown);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aBusThatCannotBeReachedIsReportedUnavailable() {
        RegistryNameResolverProvider provider = new RegistryNameResolverProvider(dev.registry.EnvironmentConfig.from(Map.of(
                "REGISTRY_URL", "nats://127.0.0.1:" + dev.registry.Addresses.freePort())));
        long starting = System.nanoTime();
        start(provider, "registry:///orders");

        Await.until("an error", () -> !errors.isEmpty());
        System.out.printf("[grpc nats] an unreachable bus was reported after %.0f ms: %s%n", (System.nanoTime() - starting) / 1e6,
                errors.get(0).getDescription());
        assertEquals(Status.Code.UNAVAILABLE, errors.get(0).getCode());
        assertTrue(errors.get(0).getDescription().startsWith("cannot watch service 'orders' on the registry: "), errors.toString());
    }

    @Test
    void targetsNameOneServiceOfTheRegistryScheme() {
        RegistryNameResolverProvider provider = new RegistryNameResolverProvider(registry());
        assertNull(provider.newNameResolver(URI.create("dns:///orders"), args()), "another scheme is another provider's");
        assertEquals("orders", RegistryNameResolverProvider.serviceName(URI.create("registry:///orders")));
        for (String invalid : List.of("registry:///", "registry:///a/b", "registry:orders", "registry:///a.b")) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> provider.newNameResolver(URI.create(invalid), args()), invalid);
            assertFalse(failure.getMessage().isEmpty());
        }
        assertEquals("registry", provider.getDefaultScheme());
    }

    private NameResolver start(RegistryNameResolverProvider provider, String target) {
        NameResolver resolver = provider.newNameResolver(URI.create(target), args());
        closeAfter(() -> context.execute(resolver::shutdown));
        context.execute(() -> resolver.start(new NameResolver.Listener2() {
            @Override
            public void onResult(NameResolver.ResolutionResult result) {
                results.add(result);
            }

            @Override
            public void onError(Status error) {
                errors.add(error);
            }
        }));
        return resolver;
    }

    private NameResolver.ResolutionResult last() {
        return results.isEmpty() ? null : results.get(results.size() - 1);
    }

    private List<EquivalentAddressGroup> addresses() {
        NameResolver.ResolutionResult last = last();
        return last == null || !last.getAddressesOrError().hasValue() ? List.of() : last.getAddressesOrError().getValue();
    }

    /** Arguments as a channel gives them, with this test's synchronization context. */
    private NameResolver.Args args() {
        return NameResolver.Args.newBuilder()
                .setDefaultPort(443)
                .setProxyDetector(target -> null)
                .setSynchronizationContext(context)
                .setServiceConfigParser(new NameResolver.ServiceConfigParser() {
                    @Override
                    public NameResolver.ConfigOrError parseServiceConfig(Map<String, ?> config) {
                        return NameResolver.ConfigOrError.fromConfig(config);
                    }
                })
                .build();
    }
}
