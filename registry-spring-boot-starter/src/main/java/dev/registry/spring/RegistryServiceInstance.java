package dev.registry.spring;

import dev.registry.Service;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.cloud.client.ServiceInstance;

/**
 * One registry instance as Spring Cloud sees it. The service id is the service name, the instance id the
 * registry's {@code name@address}. Host, port, scheme and URI come from the instance's URL when it has one
 * ({@code https} makes it secure), otherwise from its address ({@code host:port}, {@code [v6]:port}; an address
 * without a host, {@code :8080}, takes the instance's host name) with {@code http}. The metadata is the
 * instance's {@code kv}, plus {@code version} (when set) and {@code status} ({@code passing}, {@code warning},
 * {@code critical}), which win over {@code kv} entries of the same name.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegistryServiceInstance implements ServiceInstance {

    /** Metadata key of the instance's version. */
    public static final String VERSION = "version";
    /** Metadata key of the instance's status. */
    public static final String STATUS = "status";

    private final Service service;
    private final String host;
    private final int port;
    private final boolean secure;
    private final URI uri;
    private final Map<String, String> metadata;

    private RegistryServiceInstance(Service service, String host, int port, boolean secure) {
        this.service = service;
        this.host = host;
        this.port = port;
        this.secure = secure;
        this.uri = URI.create((secure ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host)
                + (port >= 0 ? ":" + port : ""));
        this.metadata = metadata(service);
    }

    /** {@code service} as a Spring Cloud instance. */
    public static RegistryServiceInstance of(Service service) {
        Objects.requireNonNull(service, "service");
        return fromUrl(service).orElse(fromAddress(service));
    }

    private static Optional<RegistryServiceInstance> fromUrl(Service service) {
        if (service.url().isEmpty()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(service.url());
            if (url.getHost() == null || url.getScheme() == null) {
                return Optional.empty();
            }
            boolean secure = url.getScheme().equalsIgnoreCase("https");
            int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
            return Optional.of(new RegistryServiceInstance(service, unbracketed(url.getHost()), port, secure));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    private static RegistryServiceInstance fromAddress(Service service) {
        return new RegistryServiceInstance(service, service.connectHost(), service.port().orElse(-1), false);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Map<String, String> metadata(Service service) {
        Map<String, String> metadata = new LinkedHashMap<>(service.kv());
        if (!service.version().isEmpty()) {
            metadata.put(VERSION, service.version());
        }
        metadata.put(STATUS, service.status().wireName());
        return Collections.unmodifiableMap(metadata);
    }

    /** The registry's instance behind this one. */
    public Service service() {
        return service;
    }

    @Override
    public String getServiceId() {
        return service.name();
    }

    @Override
    public String getInstanceId() {
        return service.id();
    }

    @Override
    public String getHost() {
        return host;
    }

    /** The port, or -1 when the instance declares none (a unix socket address, say). */
    @Override
    public int getPort() {
        return port;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public Map<String, String> getMetadata() {
        return metadata;
    }

    @Override
    public String getScheme() {
        return secure ? "https" : "http";
    }

    /** Equal when the registry instances are (same name, address and state). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryServiceInstance && ((RegistryServiceInstance) other).service.equals(service);
    }

    @Override
    public int hashCode() {
        return service.hashCode();
    }

    @Override
    public String toString() {
        return "RegistryServiceInstance{" + service.id() + ", uri=" + uri + ", metadata=" + metadata + "}";
    }
}
