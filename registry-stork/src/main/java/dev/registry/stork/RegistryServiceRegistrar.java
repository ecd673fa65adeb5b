package dev.registry.stork;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Status;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.stork.api.Metadata;
import io.smallrye.stork.api.ServiceRegistrar;
import io.smallrye.stork.utils.HostAndPort;
import io.smallrye.stork.utils.StorkAddressUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Registers instances through the registry: each one is announced at once, then at every register interval,
 * until {@link #deregisterServiceInstance(String)} (which unregisters every instance this registrar registered
 * under the name, and observers see {@code UNREGISTERED} at once) or until the registry closes.
 *
 * <p>The address may be {@code host}, {@code host:port}, {@code [v6]:port} or an {@code http(s)://} URL (then also
 * the instance's URL); the port given is the default. {@link RegistryMetadataKey} metadata set the version, status,
 * host and URL; {@link RegistrarOptions}' metadata become the instance's {@code kv}, and each tag a {@code kv} entry
 * {@code tag=tag} (as Stork's Consul discovery shows tags as labels).
 *
 * <p>Thread-safe. The returned {@link Uni}s are lazy (nothing happens until subscribed) and register on Mutiny's
 * default executor, never on the subscriber's thread, since a registration may wait up to the lookup timeout for
 * its subscription on the bus.
 */
final class RegistryServiceRegistrar implements ServiceRegistrar<RegistryMetadataKey> {

    private final Registry registry;
    private final Map<String, List<Registration>> registered = new ConcurrentHashMap<>();

    RegistryServiceRegistrar(Registry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<Void> registerServiceInstance(String serviceName, Metadata<RegistryMetadataKey> metadata, String ipAddress,
            int defaultPort) {
        checkAddressNotNull(ipAddress);
        return register(() -> {
            Service.Builder service = instance(serviceName, ipAddress, defaultPort);
            metadata.getMetadata().forEach((key, value) -> apply(service, key, String.valueOf(value)));
            return service.build();
        });
    }

    @Override
    public Uni<Void> registerServiceInstance(RegistrarOptions options) {
        checkRegistrarOptionsNotNull(options);
        checkAddressNotNull(options.ipAddress());
        return register(() -> {
            Service.Builder service = instance(options.serviceName(), options.ipAddress(), options.defaultPort());
            if (options.tags() != null) {
                options.tags().forEach(tag -> service.kv(tag, tag));
            }
            if (options.metadata() != null) {
                service.kv(options.metadata());
            }
            return service.build();
        });
    }

    @Override
    public Uni<Void> deregisterServiceInstance(String serviceName) {
        return Uni.createFrom().item(() -> {
            List<Registration> registrations = registered.remove(serviceName);
            if (registrations != null) {
                registrations.forEach(Registration::unregister);
            }
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultExecutor());
    }

    private Uni<Void> register(Supplier<Service> instance) {
        return Uni.createFrom().item(() -> {
            Service service = instance.get();
            Registration registration = registry.register(service);
            registered.compute(service.name(), (name, registrations) -> {
                List<Registration> all = registrations == null ? new ArrayList<>() : registrations;
                all.add(registration);
                return all;
            });
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultExecutor());
    }

    private static Service.Builder instance(String serviceName, String address, int defaultPort) {
        HostAndPort hostAndPort = StorkAddressUtils.parseToHostAndPort(address, defaultPort, "service '" + serviceName + "'");
        Service.Builder service = Service.builder(serviceName).address(hostAndPort.host, hostAndPort.port);
        if (address.startsWith(StorkAddressUtils.HTTP_PREFIX) || address.startsWith(StorkAddressUtils.HTTPS_PREFIX)) {
            String scheme = address.startsWith(StorkAddressUtils.HTTPS_PREFIX) ? "https://" : "http://";
            service.url(scheme + service.build().address() + hostAndPort.path.orElse(""));
        }
        return service;
    }

    private static void apply(Service.Builder service, RegistryMetadataKey key, String value) {
        switch (key) {
            case VERSION:
                service.version(value);
                break;
            case STATUS:
                service.status(Status.fromWire(value));
                break;
            case HOST:
                service.host(value);
                break;
            case URL:
                service.url(value);
                break;
            default: // SERVICE_ID: the registry derives it from name and address
                break;
        }
    }
}
