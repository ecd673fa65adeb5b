package dev.registry.spring;

import dev.registry.Service;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.serviceregistry.Registration;

/**
 * This application as it registers itself: its name, host, port, scheme, version and metadata, and once
 * registered the registry's live {@link dev.registry.Registration}. The port is the configured one, or the web
 * server's, known once it listens ({@link #listeningOn}); before that {@link #getPort()} is 0. Its
 * {@code ServiceInstance} view is that of {@link RegistryServiceInstance}: the same as other applications see.
 *
 * <p>Thread-safe: set up on the thread that starts the application, read from any.
 */
public final class RegistryRegistration implements Registration {

    private final String name;
    private final String host;
    private final boolean secure;
    private final String version;
    private final Map<String, String> metadata;
    private volatile int port;
    private volatile dev.registry.Registration live;

    /**
     * @param port the port to register, or 0 to take the web server's
     * @throws IllegalArgumentException if {@code name} is not a valid service name
     */
    public RegistryRegistration(String name, String host, int port, boolean secure, String version,
                                Map<String, String> metadata) {
        Service.builder(name); // checks the name now: a bad spring.application.name fails the start, not later
        this.name = name;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.secure = secure;
        this.version = Objects.requireNonNull(version, "version");
        this.metadata = Map.copyOf(metadata);
    }

    /** Takes the web server's port, unless a port was configured. */
    void listeningOn(int serverPort) {
        if (port == 0) {
            port = serverPort;
        }
    }

    /** The instance to register: {@code host:port}, its URL, version and metadata. */
    public Service service() {
        Service.Builder service = Service.builder(name).address(host, port).version(version).kv(metadata);
        String address = service.build().address();
        return service.url((secure ? "https://" : "http://") + address).build();
    }

    /** The registry's registration while registered, else null. */
    dev.registry.Registration live() {
        return live;
    }

    void live(dev.registry.Registration registration) {
        this.live = registration;
    }

    private ServiceInstance view() {
        dev.registry.Registration current = live;
        return RegistryServiceInstance.of(current != null ? current.service() : service());
    }

    @Override
    public String getServiceId() {
        return name;
    }

    @Override
    public String getInstanceId() {
        return view().getInstanceId();
    }

    @Override
    public String getHost() {
        return host;
    }

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
        return view().getUri();
    }

    /** The metadata as others see it: the configured entries, version and current status. */
    @Override
    public Map<String, String> getMetadata() {
        return view().getMetadata();
    }

    @Override
    public String getScheme() {
        return secure ? "https" : "http";
    }

    @Override
    public String toString() {
        return "RegistryRegistration{" + view() + "}";
    }
}
