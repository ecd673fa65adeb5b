package dev.registry.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code registry.registration.*} properties: how this application registers itself once its web server
 * listens. Auto-registration as a whole is switched by Spring Cloud's
 * {@code spring.cloud.service-registry.auto-registration.enabled}.
 *
 * <p>A mutable bean for Spring's binder: not thread-safe, read once at start.
 */
@ConfigurationProperties(prefix = "registry.registration")
public class RegistrationProperties {

    /** The service name; spring.application.name when not set. */
    private String name;

    /** The host callers connect to; this machine's first non-loopback IP address when not set. */
    private String host;

    /** The port callers connect to; the web server's port when not set. */
    private Integer port;

    /** Whether callers use https (the registered URL's scheme). */
    private boolean secure;

    /** The version announced with the instance. */
    private String version = "";

    /**
     * Metadata announced with the instance (its kv). Spring Cloud LoadBalancer reads "zone" for zone preference
     * and "weight" for weighted balancing.
     */
    private Map<String, String> metadata = new LinkedHashMap<>();

    /**
     * At shutdown, how long the web server keeps accepting requests after this application has unregistered,
     * for callers that chose it just before they heard of it. Then the web server's (graceful) shutdown begins.
     */
    private Duration drainDelay = Duration.ofMillis(500);

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public boolean isSecure() {
        return secure;
    }

    public void setSecure(boolean secure) {
        this.secure = secure;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public Map<String, String> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, String> metadata) {
        this.metadata = metadata;
    }

    public Duration getDrainDelay() {
        return drainDelay;
    }

    public void setDrainDelay(Duration drainDelay) {
        this.drainDelay = drainDelay;
    }
}
