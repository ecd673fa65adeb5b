package dev.registry;

import dev.registry.internal.HostName;
import dev.registry.internal.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * How a {@link Registry} behaves. Immutable and thread-safe; build with {@link #builder()}, or take
 * {@link #defaults()}. Defaults are the Go library's, so mixed Java and Go deployments agree on timing.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>lookupTimeout</td><td>100 ms</td><td>how long a lookup on a cold cache waits for an answer to its ping</td></tr>
 *   <tr><td>registerInterval</td><td>20 s</td><td>heartbeat period of this process's registrations</td></tr>
 *   <tr><td>dueFactor</td><td>1.5</td><td>an instance expires after its sender's interval x this factor without heartbeat</td></tr>
 *   <tr><td>dueCheckPeriod</td><td>200 ms</td><td>longest delay between an instance's due time and its removal</td></tr>
 *   <tr><td>mainTopic</td><td>{@code registry}</td><td>prefix of every topic: one prefix is one tenant</td></tr>
 *   <tr><td>hostName</td><td>this machine's host name</td><td>host given to registrations that set none</td></tr>
 *   <tr><td>defaultFilters</td><td>none</td><td>filters applied to every lookup before the lookup's own</td></tr>
 *   <tr><td>observeFilters</td><td>none</td><td>predicates an incoming instance must pass to enter the cache</td></tr>
 *   <tr><td>listenerExecutor</td><td>one registry-owned daemon thread</td><td>where listeners run</td></tr>
 *   <tr><td>ticker</td><td>{@link System#nanoTime()}</td><td>clock of expiry</td></tr>
 *   <tr><td>maxMessageSize</td><td>64 KiB</td><td>larger incoming messages are dropped unread</td></tr>
 *   <tr><td>unregisterOnShutdown</td><td>true</td><td>a JVM shutdown hook closes the registry, unregistering its instances</td></tr>
 *   <tr><td>signingKey</td><td>none</td><td>HMAC-SHA256 key signing outgoing and checking incoming messages</td></tr>
 * </table>
 */
public final class RegistryOptions {

    private static final RegistryOptions DEFAULTS = builder().build();

    private final Duration lookupTimeout;
    private final Duration registerInterval;
    private final double dueFactor;
    private final Duration dueCheckPeriod;
    private final String mainTopic;
    private final String hostName;
    private final List<Filter> defaultFilters;
    private final List<Predicate<Service>> observeFilters;
    private final Executor listenerExecutor;
    private final Ticker ticker;
    private final int maxMessageSize;
    private final byte[] signingKey;
    private final boolean unregisterOnShutdown;

    private RegistryOptions(Builder builder) {
        this.lookupTimeout = builder.lookupTimeout;
        this.registerInterval = builder.registerInterval;
        this.dueFactor = builder.dueFactor;
        this.dueCheckPeriod = builder.dueCheckPeriod;
        this.mainTopic = builder.mainTopic;
        this.hostName = builder.hostName;
        this.defaultFilters = List.copyOf(builder.defaultFilters);
        this.observeFilters = List.copyOf(builder.observeFilters);
        this.listenerExecutor = builder.listenerExecutor;
        this.ticker = builder.ticker;
        this.maxMessageSize = builder.maxMessageSize;
        this.signingKey = builder.signingKey;
        this.unregisterOnShutdown = builder.unregisterOnShutdown;
    }

    /** The Go library's defaults. */
    public static RegistryOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to derive changed ones. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.lookupTimeout = lookupTimeout;
        builder.registerInterval = registerInterval;
        builder.dueFactor = dueFactor;
        builder.dueCheckPeriod = dueCheckPeriod;
        builder.mainTopic = mainTopic;
        builder.hostName = hostName;
        builder.defaultFilters.addAll(defaultFilters);
        builder.observeFilters.addAll(observeFilters);
        builder.listenerExecutor = listenerExecutor;
        builder.ticker = ticker;
        builder.maxMessageSize = maxMessageSize;
        builder.signingKey = signingKey;
        builder.unregisterOnShutdown = unregisterOnShutdown;
        return builder;
    }

    public Duration lookupTimeout() {
        return lookupTimeout;
    }

    public Duration registerInterval() {
        return registerInterval;
    }

    public double dueFactor() {
        return dueFactor;
    }

    public Duration dueCheckPeriod() {
        return dueCheckPeriod;
    }

    public String mainTopic() {
        return mainTopic;
    }

    public String hostName() {
        return hostName;
    }

    public List<Filter> defaultFilters() {
        return defaultFilters;
    }

    public List<Predicate<Service>> observeFilters() {
        return observeFilters;
    }

    /** The caller's listener executor, or empty when the registry runs listeners on its own thread. */
    public Optional<Executor> listenerExecutor() {
        return Optional.ofNullable(listenerExecutor);
    }

    public Ticker ticker() {
        return ticker;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Whether a JVM shutdown (SIGTERM, System.exit) closes the registry, unregistering its instances. */
    public boolean unregisterOnShutdown() {
        return unregisterOnShutdown;
    }

    /** A copy of the shared signing key, or empty when messages are not signed. */
    public Optional<byte[]> signingKey() {
        return Optional.ofNullable(signingKey).map(byte[]::clone);
    }

    @Override
    public String toString() {
        return "RegistryOptions{lookupTimeout=" + lookupTimeout + ", registerInterval=" + registerInterval
                + ", dueFactor=" + dueFactor + ", dueCheckPeriod=" + dueCheckPeriod + ", mainTopic=" + mainTopic
                + ", hostName=" + hostName + ", defaultFilters=" + defaultFilters.size() + ", observeFilters="
                + observeFilters.size() + ", maxMessageSize=" + maxMessageSize + ", signed=" + (signingKey != null) + "}";
    }

    /** Builds {@link RegistryOptions}; each setter validates its value and says what is wrong. Not thread-safe. */
    public static final class Builder {
        private Duration lookupTimeout = Duration.ofMillis(100);
        private Duration registerInterval = Duration.ofSeconds(20);
        private double dueFactor = 1.5;
        private Duration dueCheckPeriod = Duration.ofMillis(200);
        private String mainTopic = "registry";
        private String hostName = HostName.local();
        private final List<Filter> defaultFilters = new ArrayList<>();
        private final List<Predicate<Service>> observeFilters = new ArrayList<>();
        private Executor listenerExecutor;
        private Ticker ticker = Ticker.system();
        private int maxMessageSize = 64 * 1024;
        private byte[] signingKey;
        private boolean unregisterOnShutdown = true;

        private Builder() {
        }

        /** How long a lookup waits for a ping's answers when nothing usable is cached. Default 100 ms. */
        public Builder lookupTimeout(Duration timeout) {
            this.lookupTimeout = positive("lookupTimeout", timeout);
            return this;
        }

        /** Heartbeat period of this process's registrations, sent on the wire as {@code Duration}. Default 20 s. */
        public Builder registerInterval(Duration interval) {
            Duration checked = positive("registerInterval", interval);
            if (checked.toMillis() < 1) {
                throw new IllegalArgumentException("registerInterval must be at least 1 ms (the wire carries"
                        + " milliseconds), but was " + interval);
            }
            this.registerInterval = checked;
            return this;
        }

        /** Multiple of a sender's interval after which a silent instance expires; at least 1. Default 1.5. */
        public Builder dueFactor(double factor) {
            if (!(factor >= 1.0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("dueFactor must be a finite number >= 1, but was " + factor);
            }
            this.dueFactor = factor;
            return this;
        }

        /** Period of the sweep that removes due instances. Default 200 ms. */
        public Builder dueCheckPeriod(Duration period) {
            this.dueCheckPeriod = positive("dueCheckPeriod", period);
            return this;
        }

        /** Prefix of every topic; registries with different prefixes never see each other. Default {@code registry}. */
        public Builder mainTopic(String topic) {
            this.mainTopic = Names.requireValidMainTopic(topic);
            return this;
        }

        /** Host given to registrations that set none. Default: this machine's host name. */
        public Builder hostName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("hostName must not be blank, but was '" + name + "'");
            }
            this.hostName = name;
            return this;
        }

        /** Adds a filter every lookup applies before its own filters. */
        public Builder defaultFilter(Filter filter) {
            defaultFilters.add(Objects.requireNonNull(filter, "defaultFilter must not be null"));
            return this;
        }

        /**
         * Adds a predicate an incoming instance must pass to enter the cache at all (all predicates must pass).
         * Instances that fail it are ignored, counted, and never reach lookups or listeners.
         */
        public Builder observeFilter(Predicate<Service> filter) {
            observeFilters.add(Objects.requireNonNull(filter, "observeFilter must not be null"));
            return this;
        }

        /**
         * Runs listeners on {@code executor} instead of the registry's own thread. Events of one service name
         * are still delivered one at a time, in order. The registry does not shut this executor down.
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "listenerExecutor must not be null");
            return this;
        }

        /** The monotonic clock of expiry, for tests. Default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
            return this;
        }

        /** Incoming messages larger than this many bytes are dropped unread. Default 65,536; at least 256. */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 256) {
                throw new IllegalArgumentException("maxMessageSize must be >= 256 bytes, but was " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Signs every outgoing register and unregister message with HMAC-SHA256 under {@code key} (an extra
         * {@code sig} field, ignored by Go peers), and drops incoming messages that are unsigned, badly signed,
         * or older than their due time (replays; this compares the sender's timestamp with this host's wall
         * clock, so clocks must agree within the due time). Every process on the main topic needs the same key.
         * Default: no signing, as the Go library. At least 16 bytes.
         */
        public Builder signingKey(byte[] key) {
            if (key == null || key.length < 16) {
                throw new IllegalArgumentException("signingKey must be at least 16 bytes, but was "
                        + (key == null ? "null" : key.length + " bytes"));
            }
            this.signingKey = key.clone();
            return this;
        }

        /**
         * Whether a JVM shutdown hook closes the registry, so that on SIGTERM or {@code System.exit} observers
         * get {@code UNREGISTERED} at once instead of {@code EXPIRED} after the due time. Default true; turn it
         * off to order the shutdown yourself (call {@code close()} from your own hook).
         */
        public Builder unregisterOnShutdown(boolean enabled) {
            this.unregisterOnShutdown = enabled;
            return this;
        }

        public RegistryOptions build() {
            return new RegistryOptions(this);
        }

        private static Duration positive(String option, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(option + " must be > 0, but was " + value);
            }
            return value;
        }
    }
}
