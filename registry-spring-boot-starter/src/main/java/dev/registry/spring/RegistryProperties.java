package dev.registry.spring;

import dev.registry.RegistryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code registry.*} properties: the bus and every {@link RegistryOptions} setting that is configuration
 * rather than code (filters, executors and the ticker are set by a {@link RegistryOptionsCustomizer} bean).
 * Defaults are those of {@code Registry.connect()} and of the {@code REGISTRY_*} environment variables, which
 * the starter also reads (see {@link RegistryEnvironmentPostProcessor}). Values are checked by
 * {@link RegistryOptions.Builder} when the registry is created: a bad one fails the application's start with a
 * message naming the option and the value.
 *
 * <p>A mutable bean for Spring's binder: not thread-safe, read once at start.
 */
@ConfigurationProperties(prefix = "registry")
public class RegistryProperties {

    /** Whether the starter creates a registry (and everything built on it). */
    private boolean enabled = true;

    /**
     * The bus: nats://, tls://, redis://, rediss://, redis-sentinel://, redis-cluster:// or mem:// (the transport must
     * be on the class path; the starter brings NATS and Redis).
     */
    private String url = "nats://127.0.0.1:4222";

    /** Prefix of every topic; registries with different main topics never see each other. */
    private String mainTopic = "registry";

    /** How long a lookup with nothing usable cached waits for answers to its ping (1ms to 1h). */
    private Duration lookupTimeout = Duration.ofMillis(100);

    /** Heartbeat period of this application's registrations (1ms to 365d). */
    private Duration registerInterval = Duration.ofSeconds(20);

    /** An instance expires after its sender's register interval times this factor without a heartbeat (1 to 100). */
    private double dueFactor = 1.5;

    /** Period of the sweep that removes due instances (1ms to 1h). */
    private Duration dueCheckPeriod = Duration.ofMillis(200);

    /** Host name given to registrations that set none; this machine's host name when not set. */
    private String hostName;

    /** Largest message sent or accepted; larger services are refused, larger messages dropped (256B to 64MB). */
    private DataSize maxMessageSize = DataSize.ofKilobytes(64);

    /**
     * Shared key (its UTF-8 bytes, at least 16) signing outgoing and checking incoming messages with HMAC-SHA256;
     * every process on the main topic needs the same one. Not signed when not set.
     */
    private String signingKey;

    /**
     * Whether a JVM shutdown hook closes the registry at once on SIGTERM, in parallel with the application
     * context's own shutdown (which also closes it, after unregistering this application).
     */
    private boolean unregisterOnShutdown = true;

    /** A service name unused this long is forgotten: subscriptions and per-name state released (1ms to 7d). */
    private Duration nameIdleTime = Duration.ofMinutes(5);

    /** How often the watchdog probes the bus with a round trip (1ms to 1m). */
    private Duration watchdogPeriod = Duration.ofMillis(250);

    /** A bus that answered no round trip for this long is stalled: expiry pauses (watchdog period to 10m). */
    private Duration stallThreshold = Duration.ofSeconds(1);

    /** After an outage, own registrations are re-announced at random moments within this window (0 to 1m). */
    private Duration reannounceWindow = Duration.ofMillis(500);

    /** The expiry brake: holds a mass expiry while the bus answers (a partition rather than a mass failure). */
    private final ExpiryBrake expiryBrake = new ExpiryBrake();

    /** The options these properties describe, laid over {@code builder} (which may carry code-only options). */
    RegistryOptions.Builder applyTo(RegistryOptions.Builder builder) {
        builder.mainTopic(mainTopic).lookupTimeout(lookupTimeout).registerInterval(registerInterval)
                .dueFactor(dueFactor).dueCheckPeriod(dueCheckPeriod)
                .maxMessageSize(Math.toIntExact(maxMessageSize.toBytes()))
                .unregisterOnShutdown(unregisterOnShutdown).nameIdleTime(nameIdleTime)
                .watchdogPeriod(watchdogPeriod).stallThreshold(stallThreshold).reannounceWindow(reannounceWindow)
                .expiryBrakeMaxHold(expiryBrake.maxHold);
        if (hostName != null && !hostName.isBlank()) {
            builder.hostName(hostName);
        }
        if (signingKey != null && !signingKey.isEmpty()) {
            builder.signingKey(signingKey.getBytes(StandardCharsets.UTF_8));
        }
        if (expiryBrake.enabled) {
            builder.expiryBrake(expiryBrake.share);
        } else {
            builder.noExpiryBrake();
        }
        return builder;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMainTopic() {
        return mainTopic;
    }

    public void setMainTopic(String mainTopic) {
        this.mainTopic = mainTopic;
    }

    public Duration getLookupTimeout() {
        return lookupTimeout;
    }

    public void setLookupTimeout(Duration lookupTimeout) {
        this.lookupTimeout = lookupTimeout;
    }

    public Duration getRegisterInterval() {
        return registerInterval;
    }

    public void setRegisterInterval(Duration registerInterval) {
        this.registerInterval = registerInterval;
    }

    public double getDueFactor() {
        return dueFactor;
    }

    public void setDueFactor(double dueFactor) {
        this.dueFactor = dueFactor;
    }

    public Duration getDueCheckPeriod() {
        return dueCheckPeriod;
    }

    public void setDueCheckPeriod(Duration dueCheckPeriod) {
        this.dueCheckPeriod = dueCheckPeriod;
    }

    public String getHostName() {
        return hostName;
    }

    public void setHostName(String hostName) {
        this.hostName = hostName;
    }

    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public String getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey;
    }

    public boolean isUnregisterOnShutdown() {
        return unregisterOnShutdown;
    }

    public void setUnregisterOnShutdown(boolean unregisterOnShutdown) {
        this.unregisterOnShutdown = unregisterOnShutdown;
    }

    public Duration getNameIdleTime() {
        return nameIdleTime;
    }

    public void setNameIdleTime(Duration nameIdleTime) {
        this.nameIdleTime = nameIdleTime;
    }

    public Duration getWatchdogPeriod() {
        return watchdogPeriod;
    }

    public void setWatchdogPeriod(Duration watchdogPeriod) {
        this.watchdogPeriod = watchdogPeriod;
    }

    public Duration getStallThreshold() {
        return stallThreshold;
    }

    public void setStallThreshold(Duration stallThreshold) {
        this.stallThreshold = stallThreshold;
    }

    public Duration getReannounceWindow() {
        return reannounceWindow;
    }

    public void setReannounceWindow(Duration reannounceWindow) {
        this.reannounceWindow = reannounceWindow;
    }

    public ExpiryBrake getExpiryBrake() {
        return expiryBrake;
    }

    /** The {@code registry.expiry-brake.*} properties. */
    public static class ExpiryBrake {

        /** Whether the expiry brake holds mass expiries. */
        private boolean enabled = true;

        /** Share of the cached hosts that, silent at once, engages the brake (above 0, at most 1). */
        private double share = 0.5;

        /** Longest hold of an instance that is not heard again (1ms to 1d). */
        private Duration maxHold = Duration.ofMinutes(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public double getShare() {
            return share;
        }

        public void setShare(double share) {
            this.share = share;
        }

        public Duration getMaxHold() {
            return maxHold;
        }

        public void setMaxHold(Duration maxHold) {
            this.maxHold = maxHold;
        }
    }
}
