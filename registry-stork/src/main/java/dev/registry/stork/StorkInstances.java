package dev.registry.stork;

import dev.registry.Service;
import io.smallrye.stork.api.Metadata;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.impl.DefaultServiceInstance;
import io.smallrye.stork.utils.ServiceInstanceIds;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns the registry instances of one discovery into Stork instances. Each instance keeps its Stork id while it is
 * known (ids of the last {@value #REMEMBERED} instances seen are kept, so one that leaves the list, say critical
 * for a while, comes back with the id it had); ids come from Stork's own sequence, unique in the JVM. Host and
 * port come from the instance's address ({@code host:port}, {@code [v6]:port}; its host when the address has none,
 * as {@code :8080}); an instance without a numeric port (a unix socket) is left out. {@code kv} are the labels;
 * id, version, status, host and URL the {@link RegistryMetadataKey} metadata; the URL's path is the path. Secure:
 * the {@code secure} attribute when set, else whether the URL's scheme is {@code https}, {@code grpcs} or
 * {@code wss}. Thread-safe.
 */
final class StorkInstances {

    static final int REMEMBERED = 4096;

    private final Boolean secure;
    private final Map<String, Long> ids = new RecentIds();

    /** @param secure the {@code secure} attribute, or null to tell from each instance's URL */
    StorkInstances(Boolean secure) {
        this.secure = secure;
    }

    synchronized List<ServiceInstance> of(List<Service> services) {
        List<ServiceInstance> instances = new ArrayList<>(services.size());
        for (Service service : services) {
            OptionalInt port = service.port();
            if (port.isPresent()) {
                long id = ids.computeIfAbsent(service.id(), ignored -> ServiceInstanceIds.next());
                Optional<URI> url = url(service);
                instances.add(new DefaultServiceInstance(id, service.connectHost(), port.getAsInt(),
                        url.map(URI::getPath).filter(path -> !path.isEmpty() && !path.equals("/")),
                        secure != null ? secure : url.map(StorkInstances::secureScheme).orElse(false),
                        service.kv(), metadata(service)));
            }
        }
        return List.copyOf(instances);
    }

    static Metadata<RegistryMetadataKey> metadata(Service service) {
        Metadata<RegistryMetadataKey> metadata = Metadata.of(RegistryMetadataKey.class)
                .with(RegistryMetadataKey.SERVICE_ID, service.id())
                .with(RegistryMetadataKey.STATUS, service.status().wireName());
        metadata = withIfSet(metadata, RegistryMetadataKey.VERSION, service.version());
        metadata = withIfSet(metadata, RegistryMetadataKey.HOST, service.host());
        return withIfSet(metadata, RegistryMetadataKey.URL, service.url());
    }

    private static Metadata<RegistryMetadataKey> withIfSet(Metadata<RegistryMetadataKey> metadata, RegistryMetadataKey key,
            String value) {
        return value.isEmpty() ? metadata : metadata.with(key, value);
    }

    private static Optional<URI> url(Service service) {
        if (service.url().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(service.url()));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    private static boolean secureScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("grpcs") || scheme.equals("wss");
    }

    /** Stork ids by registry id, the least recently seen dropped beyond {@value #REMEMBERED}. */
    private static final class RecentIds extends LinkedHashMap<String, Long> {
        private static final long serialVersionUID = 1L;

        RecentIds() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    }
}
