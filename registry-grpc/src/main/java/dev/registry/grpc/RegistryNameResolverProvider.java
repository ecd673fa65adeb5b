package dev.registry.grpc;

import dev.registry.EnvironmentConfig;
import dev.registry.Registry;
import dev.registry.Service;
import io.grpc.Attributes;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolves gRPC targets of the {@value #SCHEME} scheme, {@code registry:///orders}, to the passing instances of the
 * service {@code orders}: the channel gets the full address list at once and again after every change (the
 * registry's {@link Registry#watch watch}, pushed, never polled), and an {@code UNAVAILABLE} error while the
 * service has no passing instance. Each address carries the instance's {@code kv} under {@link #KV}.
 *
 * <pre>{@code
 * ManagedChannel channel = ManagedChannelBuilder.forTarget("registry:///orders")
 *         .defaultLoadBalancingPolicy("round_robin").usePlaintext().build();
 * }</pre>
 *
 * <p>Found by {@link java.util.ServiceLoader} ({@code META-INF/services/io.grpc.NameResolverProvider}), so the
 * target above works with nothing else to wire: that instance reads its bus from the environment
 * ({@code REGISTRY_URL} and the other {@code REGISTRY_*} variables, as {@link Registry#connect()}), connects when
 * the first channel resolves and closes that connection when the last resolver shuts down. To resolve through a
 * registry of your own, register a provider built on it:
 * {@code NameResolverRegistry.getDefaultRegistry().register(new RegistryNameResolverProvider(registry))}, or
 * give a registry of your own to {@code Grpc.newChannelBuilder(target, credentials, nameResolverRegistry)}. A
 * registry given to the provider stays yours: the provider never closes it.
 *
 * <p>Thread-safe: one provider serves any number of channels. Resolvers run the registry's watch callbacks on the
 * registry's event threads and hand results to the channel in its synchronization context.
 */
public final class RegistryNameResolverProvider extends NameResolverProvider {

    /** The target scheme: {@code registry:///<service name>}. */
    public static final String SCHEME = "registry";

    /** The instance's {@link Service#kv() kv} (sorted, immutable), on each address group's attributes. */
    public static final Attributes.Key<Map<String, String>> KV = Attributes.Key.create("dev.registry.grpc.kv");

    /** Default priority of a provider of this library, as gRPC's own DNS provider. */
    private static final int PRIORITY = 5;

    private final RegistryLease lease;

    /**
     * A provider on the bus the environment names ({@code REGISTRY_URL}, default {@code nats://127.0.0.1:4222},
     * and the other {@code REGISTRY_*} variables); the one {@link java.util.ServiceLoader} builds. The variables
     * are read when the first resolver starts, not here, so that a bad one cannot break gRPC's resolver registry
     * for other schemes: the channel gets {@code UNAVAILABLE} with the message naming the variable instead.
     */
    public RegistryNameResolverProvider() {
        this.lease = RegistryLease.connecting(Registry::connect);
    }

    /**
     * A provider on the bus and options {@code config} holds, connected when the first resolver starts and
     * closed when the last one shuts down.
     */
    public RegistryNameResolverProvider(EnvironmentConfig config) {
        Objects.requireNonNull(config, "config");
        this.lease = RegistryLease.connecting(() -> Registry.connect(config.url(), config.options()));
    }

    /** A provider resolving through {@code registry}, which stays the caller's: the provider never closes it. */
    public RegistryNameResolverProvider(Registry registry) {
        this.lease = RegistryLease.of(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * A resolver for {@code registry:///<name>}, or null for another scheme (so gRPC asks the next provider).
     *
     * @throws IllegalArgumentException if the target has the {@value #SCHEME} scheme but no valid service name
     */
    @Override
    public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        return new RegistryNameResolver(serviceName(targetUri), lease, args.getSynchronizationContext());
    }

    /** The service name of a target: its path without the leading slash. */
    static String serviceName(URI target) {
        String path = target.getPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("a registry target is registry:///<service name>, such as registry:///orders,"
                    + " but was " + target);
        }
        String name = path.substring(1);
        Service.builder(name); // checks the name as a registration would, with the same message
        return name;
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return PRIORITY;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
