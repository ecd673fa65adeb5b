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
 * {@link #defaults()}. Defaults are the Go library's, so mixed Java and Go deployments agree on timing. Every
 * setter checks its value against the bounds below and throws an {@link IllegalArgumentException} naming the
 * option and the value; {@link Builder#build()} checks the options that bound each other.
 *
 * <table>
 *   <caption>Options, defaults and bounds</caption>
 *   <tr><th>option</th><th>default</th><th>bounds</th><th>meaning</th></tr>
 *   <tr><td>lookupTimeout</td><td>100 ms</td><td>1 ms .. 1 h</td><td>how long a lookup on a cold cache waits for an answer to its ping</td></tr>
 *   <tr><td>registerInterval</td><td>20 s</td><td>1 ms .. 365 days</td><td>heartbeat period of this process's registrations</td></tr>
 *   <tr><td>dueFactor</td><td>1.5</td><td>1 .. 100</td><td>an instance expires after its sender's interval x this factor without heartbeat</td></tr>
 *   <tr><td>dueCheckPeriod</td><td>200 ms</td><td>1 ms .. 1 h</td><td>longest delay between an instance's due time and its removal</td></tr>
 *   <tr><td>mainTopic</td><td>{@code registry}</td><td>valid topic tokens</td><td>prefix of every topic: one prefix is one tenant</td></tr>
 *   <tr><td>hostName</td><td>this machine's host name</td><td>not blank</td><td>host given to registrations that set none</td></tr>
 *   <tr><td>defaultFilters</td><td>none</td><td></td><td>filters applied to every lookup before the lookup's own</td></tr>
 *   <tr><td>observeFilters</td><td>none</td><td></td><td>predicates an incoming instance must pass to enter the cache</td></tr>
 *   <tr><td>listenerExecutor</td><td>registry-owned daemon threads</td><td></td><td>where listeners run</td></tr>
 *   <tr><td>ticker</td><td>{@link System#nanoTime()}</td><td></td><td>clock of expiry, heartbeats, ping de-duplication and the bus watchdog</td></tr>
 *   <tr><td>maxMessageSize</td><td>64 KiB</td><td>256 B .. 64 MiB</td><td>larger messages are refused at {@code register} and dropped when received</td></tr>
 *   <tr><td>unregisterOnShutdown</td><td>true</td><td></td><td>a JVM shutdown hook closes the registry, unregistering its instances</td></tr>
 *   <tr><td>signingKey</td><td>none</td><td>at least 16 bytes</td><td>HMAC-SHA256 key signing outgoing and checking incoming messages</td></tr>
 *   <tr><td>nameIdleTime</td><td>5 min</td><td>1 ms .. 7 days</td><td>a name with no instance, listener, watch or lookup for this long is forgotten (subscriptions and state released)</td></tr>
 *   <tr><td>watchdogPeriod</td><td>250 ms</td><td>1 ms .. 1 min</td><td>how often the bus watchdog probes the bus with a round trip</td></tr>
 *   <tr><td>stallThreshold</td><td>1 s</td><td>watchdogPeriod .. 10 min</td><td>a bus without a round trip answered for this long is stalled: expiry pauses</td></tr>
 *   <tr><td>expiryBrake</td><td>on, share 0.5, max hold 2 min</td><td>share 0 (exclusive) .. 1, hold 1 ms .. 1 day</td><td>holds a mass expiry while the bus looks healthy (a partition)</td></tr>
 *   <tr><td>reannounceWindow</td><td>500 ms</td><td>0 .. 1 min</td><td>after an outage, own registrations are re-announced spread over this window</td></tr>
 *   <tr><td>drainOnShutdown</td><td>0 (none)</td><td>0 .. 10 min</td><td>the shutdown hook drains every registration this long before closing</td></tr>
 * </table>
 */
public final class RegistryOptions {

    /** Upper bound of {@link Builder#registerInterval}: a year between heartbeats is already "never". */
    public static final Duration MAX_REGISTER_INTERVAL = Duration.ofDays(365);
    /** Upper bound of {@link Builder#dueFactor}. */
    public static final double MAX_DUE_FACTOR = 100;
    /** Upper bound of {@link Builder#maxMessageSize}. */
    public static final int MAX_MESSAGE_SIZE_LIMIT = 64 * 1024 * 1024;

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
    private final Duration nameIdleTime;
    private final Duration watchdogPeriod;
    private final Duration stallThreshold;
    private final boolean expiryBrakeEnabled;
    private final double expiryBrakeShare;
    private final Duration expiryBrakeMaxHold;
    private final Duration reannounceWindow;
    private final Duration drainOnShutdown;

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
        this.nameIdleTime = builder.nameIdleTime;
        this.watchdogPeriod = builder.watchdogPeriod;
        this.stallThreshold = builder.stallThreshold;
        this.expiryBrakeEnabled = builder.expiryBrakeEnabled;
        this.expiryBrakeShare = builder.expiryBrakeShare;
        this.expiryBrakeMaxHold = builder.expiryBrakeMaxHold;
        this.reannounceWindow = builder.reannounceWindow;
        this.drainOnShutdown = builder.drainOnShutdown;
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
        builder.nameIdleTime = nameIdleTime;
        builder.watchdogPeriod = watchdogPeriod;
        builder.stallThreshold = stallThreshold;
        builder.expiryBrakeEnabled = expiryBrakeEnabled;
        builder.expiryBrakeShare = expiryBrakeShare;
        builder.expiryBrakeMaxHold = expiryBrakeMaxHold;
        builder.reannounceWindow = reannounceWindow;
        builder.drainOnShutdown = drainOnShutdown;
        return builder;
    }

    /** How long a lookup on a cold cache waits for answers to its ping; also the bound of every blocking lookup. */
    public Duration lookupTimeout() {
        return lookupTimeout;
    }

    /** Heartbeat period of this process's registrations, sent on the wire as {@code Duration}. */
    public Duration registerInterval() {
        return registerInterval;
    }

    /** Multiple of a sender's interval after which a silent instance expires. */
    public double dueFactor() {
        return dueFactor;
    }

    /** Period of the sweep that removes due instances. */
    public Duration dueCheckPeriod() {
        return dueCheckPeriod;
    }

    /** Prefix of every topic. */
    public String mainTopic() {
        return mainTopic;
    }

    /** Host given to registrations that set none, and the host {@code Filters.localhost()} compares with. */
    public String hostName() {
        return hostName;
    }

    /** Filters every lookup applies before its own, in order; immutable. */
    public List<Filter> defaultFilters() {
        return defaultFilters;
    }

    /** Predicates an incoming instance must all pass to enter the cache; immutable. */
    public List<Predicate<Service>> observeFilters() {
        return observeFilters;
    }

    /** The caller's listener executor, or empty when the registry runs listeners on its own threads. */
    public Optional<Executor> listenerExecutor() {
        return Optional.ofNullable(listenerExecutor);
    }

    /** The monotonic clock every timing decision of the registry reads. */
    public Ticker ticker() {
        return ticker;
    }

    /** Largest message, in bytes, that the registry sends or accepts. */
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

    /** How long a name must go unused (no instance, listener, watch or lookup) before its state is released. */
    public Duration nameIdleTime() {
        return nameIdleTime;
    }

    /** How often the bus watchdog sends a round trip to tell a live bus from a stalled one. */
    public Duration watchdogPeriod() {
        return watchdogPeriod;
    }

    /** How long the bus may go without answering a round trip before expiry pauses. */
    public Duration stallThreshold() {
        return stallThreshold;
    }

    /** Whether the expiry brake holds mass expiries while the bus looks healthy. */
    public boolean expiryBrakeEnabled() {
        return expiryBrakeEnabled;
    }

    /** Share of the cached hosts that, going silent within one due time, engages the expiry brake. */
    public double expiryBrakeShare() {
        return expiryBrakeShare;
    }

    /** Longest time the expiry brake holds an instance that is not heard again. */
    public Duration expiryBrakeMaxHold() {
        return expiryBrakeMaxHold;
    }

    /** Window over which own registrations are re-announced after the bus comes back. */
    public Duration reannounceWindow() {
        return reannounceWindow;
    }

    /** How long the shutdown hook drains every registration before closing; zero closes at once. */
    public Duration drainOnShutdown() {
        return drainOnShutdown;
    }

    @Override
    public String toString() {
        return "RegistryOptions{lookupTimeout=" + lookupTimeout + ", registerInterval=" + registerInterval
                + ", dueFactor=" + dueFactor + ", dueCheckPeriod=" + dueCheckPeriod + ", mainTopic=" + mainTopic
                + ", hostName=" + hostName + ", defaultFilters=" + defaultFilters.size() + ", observeFilters="
                + observeFilters.size() + ", maxMessageSize=" + maxMessageSize + ", signed=" + (signingKey != null)
                + ", nameIdleTime=" + nameIdleTime + ", watchdogPeriod=" + watchdogPeriod + ", stallThreshold="
                + stallThreshold + ", expiryBrake=" + (expiryBrakeEnabled ? expiryBrakeShare + "/" + expiryBrakeMaxHold : "off")
                + ", reannounceWindow=" + reannounceWindow + ", drainOnShutdown=" + drainOnShutdown + "}";
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
        private Duration nameIdleTime = Duration.ofMinutes(5);
        private Duration watchdogPeriod = Duration.ofMillis(250);
        private Duration stallThreshold = Duration.ofSeconds(1);
        private boolean expiryBrakeEnabled = true;
        private double expiryBrakeShare = 0.5;
        private Duration expiryBrakeMaxHold = Duration.ofMinutes(2);
        private Duration reannounceWindow = Duration.ofMillis(500);
        private Duration drainOnShutdown = Duration.ZERO;

        private Builder() {
        }

        /** How long a lookup waits for a ping's answers when nothing usable is cached. Default 100 ms; 1 ms to 1 h. */
        public Builder lookupTimeout(Duration timeout) {
            this.lookupTimeout = within("lookupTimeout", timeout, Duration.ofMillis(1), Duration.ofHours(1));
            return this;
        }

        /**
         * Heartbeat period of this process's registrations, sent on the wire as {@code Duration} in milliseconds.
         * Default 20 s; 1 ms to {@link #MAX_REGISTER_INTERVAL 365 days}.
         */
        public Builder registerInterval(Duration interval) {
            this.registerInterval = within("registerInterval", interval, Duration.ofMillis(1), MAX_REGISTER_INTERVAL);
            return this;
        }

        /** Multiple of a sender's interval after which a silent instance expires. Default 1.5; 1 to 100. */
        public Builder dueFactor(double factor) {
            if (!(factor >= 1.0 && factor <= MAX_DUE_FACTOR)) {
                throw new IllegalArgumentException("dueFactor must be between 1 and " + (int) MAX_DUE_FACTOR
                        + ", but was " + factor);
            }
            this.dueFactor = factor;
            return this;
        }

        /** Period of the sweep that removes due instances. Default 200 ms; 1 ms to 1 h. */
        public Builder dueCheckPeriod(Duration period) {
            this.dueCheckPeriod = within("dueCheckPeriod", period, Duration.ofMillis(1), Duration.ofHours(1));
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
         * Instances that fail it are ignored, counted, and never reach lookups or listeners. Predicates run on a
         * registry thread, never on a transport's; one that throws counts as a rejection.
         */
        public Builder observeFilter(Predicate<Service> filter) {
            observeFilters.add(Objects.requireNonNull(filter, "observeFilter must not be null"));
            return this;
        }

        /**
         * Runs listeners on {@code executor} instead of the registry's own threads. Events of one service name
         * are still delivered one at a time, in order, and are handed to the executor from a registry thread,
         * never from a transport's. The registry does not shut this executor down.
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "listenerExecutor must not be null");
            return this;
        }

        /** The monotonic clock of every timing decision, for tests. Default {@link Ticker#system()}. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker must not be null");
            return this;
        }

        /**
         * Largest message in bytes: {@code register} refuses a service whose message would be larger, and
         * incoming larger messages are dropped unread. Default 65,536; 256 to 64 MiB.
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 256 || bytes > MAX_MESSAGE_SIZE_LIMIT) {
                throw new IllegalArgumentException("maxMessageSize must be between 256 and " + MAX_MESSAGE_SIZE_LIMIT
                        + " bytes, but was " + bytes);
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

        /**
         * How long a service name must go without a cached instance, listener, watch or lookup before the
         * registry forgets it: it unsubscribes from the name's topics and drops what it kept for it, so memory
         * stays flat however many distinct names pass by. A later lookup starts over with a ping. Default
         * 5 min; 1 ms to 7 days.
         */
        public Builder nameIdleTime(Duration idle) {
            this.nameIdleTime = within("nameIdleTime", idle, Duration.ofMillis(1), Duration.ofDays(7));
            return this;
        }

        /** How often the bus watchdog sends a round trip. Default 250 ms; 1 ms to 1 min. */
        public Builder watchdogPeriod(Duration period) {
            this.watchdogPeriod = within("watchdogPeriod", period, Duration.ofMillis(1), Duration.ofMinutes(1));
            return this;
        }

        /**
         * How long the bus may go without answering a round trip before it counts as stalled and expiry
         * pauses (a paused broker keeps its connections open). Default 1 s; from the watchdog period to 10 min.
         */
        public Builder stallThreshold(Duration threshold) {
            this.stallThreshold = within("stallThreshold", threshold, Duration.ofMillis(1), Duration.ofMinutes(10));
            return this;
        }

        /**
         * The expiry brake (Eureka's self-preservation, counted in hosts): when more than {@code share} of the
         * hosts whose instances the cache holds (and at least three) go silent within one due time while the bus
         * itself answers, the registry suspects a partition rather than a mass failure, holds those expiries, logs
         * once at WARN and counts it in {@link RegistryStats}. One process or host crashing expires on time,
         * however many instances it owned. Held instances come back to normal as their owners are heard again,
         * and expire after {@link #expiryBrakeMaxHold}. A host is an instance's {@code h}, or the host part of its
         * address. Default on with share 0.5; share above 0, at most 1.
         */
        public Builder expiryBrake(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("expiryBrake share must be above 0 and at most 1, but was " + share);
            }
            this.expiryBrakeEnabled = true;
            this.expiryBrakeShare = share;
            return this;
        }

        /** Turns the expiry brake off: every due instance expires on time, whatever share of the cache it is. */
        public Builder noExpiryBrake() {
            this.expiryBrakeEnabled = false;
            return this;
        }

        /** Longest time the expiry brake holds a due instance that is not heard again. Default 2 min; 1 ms to 1 day. */
        public Builder expiryBrakeMaxHold(Duration hold) {
            this.expiryBrakeMaxHold = within("expiryBrakeMaxHold", hold, Duration.ofMillis(1), Duration.ofDays(1));
            return this;
        }

        /**
         * After the bus comes back from an outage, own registrations are re-announced at random times within this
         * window rather than all at once, so a broker restart under thousands of instances brings no storm.
         * Default 500 ms; 0 (all at once) to 1 min.
         */
        public Builder reannounceWindow(Duration window) {
            Objects.requireNonNull(window, "reannounceWindow must not be null");
            if (window.isNegative() || window.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("reannounceWindow must be between 0 and PT1M, but was " + window);
            }
            this.reannounceWindow = window;
            return this;
        }

        /**
         * With {@link #unregisterOnShutdown} on, the shutdown hook first drains every registration for this long
         * ({@link Registration#drain}: announced as draining, still heartbeating, so callers move away without
         * failed calls) and then closes the registry. Default 0 (close at once); 0 to 10 min, and keep it under
         * the platform's grace period (Kubernetes' default is 30 s).
         */
        public Builder drainOnShutdown(Duration period) {
            Objects.requireNonNull(period, "drainOnShutdown must not be null");
            if (period.isNegative() || period.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException("drainOnShutdown must be between PT0S and PT10M, but was " + period);
            }
            this.drainOnShutdown = period;
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalArgumentException if the stall threshold is shorter than the watchdog period
         */
        public RegistryOptions build() {
            if (stallThreshold.compareTo(watchdogPeriod) < 0) {
                throw new IllegalArgumentException("stallThreshold (" + stallThreshold
                        + ") must not be shorter than watchdogPeriod (" + watchdogPeriod + ")");
            }
            return new RegistryOptions(this);
        }

        private static Duration within(String option, Duration value, Duration min, Duration max) {
            if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", but was " + value);
            }
            return value;
        }
    }
}
