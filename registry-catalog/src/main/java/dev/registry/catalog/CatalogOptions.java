package dev.registry.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link CatalogServer} listens and what it says about itself. Immutable and thread-safe; build one with
 * {@link #builder()}, or take {@link #defaults()}: {@code 127.0.0.1:8500}, datacenter {@code dc1}, the registry's
 * host name as the node name, 4 threads.
 *
 * <pre>{@code
 * CatalogOptions options = CatalogOptions.builder().port(0).datacenter("eu-1").build();  // 0: any free port
 * }</pre>
 */
public final class CatalogOptions {

    /** The address listened on unless set: loopback only, as an admin endpoint should be by default. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** The port listened on unless set: Consul's HTTP port, so that clients' defaults reach the server. */
    public static final int DEFAULT_PORT = 8500;
    /** The datacenter reported unless set: Consul's default datacenter. */
    public static final String DEFAULT_DATACENTER = "dc1";
    /** The threads answering requests unless set; a blocking query holds none while it waits. */
    public static final int DEFAULT_THREADS = 4;

    private static final CatalogOptions DEFAULTS = builder().build();

    private final String bindAddress;
    private final int port;
    private final String datacenter;
    private final String nodeName;
    private final int threads;

    private CatalogOptions(Builder builder) {
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        this.datacenter = builder.datacenter;
        this.nodeName = builder.nodeName;
        this.threads = builder.threads;
    }

    /** The defaults: {@code 127.0.0.1:8500}, datacenter {@code dc1}, the registry's host name, 4 threads. */
    public static CatalogOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address to listen on: an IP address or a host name; {@value #DEFAULT_BIND_ADDRESS} unless set. */
    public String bindAddress() {
        return bindAddress;
    }

    /** The port to listen on, 0 for any free one; {@value #DEFAULT_PORT} unless set. */
    public int port() {
        return port;
    }

    /** The datacenter every answer names ({@code Datacenter}, {@code ?dc=}); {@value #DEFAULT_DATACENTER} unless set. */
    public String datacenter() {
        return datacenter;
    }

    /** The node name of the server itself ({@code /v1/agent/self}); empty for the registry's host name. */
    public Optional<String> nodeName() {
        return Optional.ofNullable(nodeName);
    }

    /** The threads that answer requests; {@value #DEFAULT_THREADS} unless set. */
    public int threads() {
        return threads;
    }

    @Override
    public String toString() {
        return "CatalogOptions{" + bindAddress + ":" + port + ", datacenter=" + datacenter
                + (nodeName == null ? "" : ", nodeName=" + nodeName) + ", threads=" + threads + "}";
    }

    /** Builds {@link CatalogOptions}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private int port = DEFAULT_PORT;
        private String datacenter = DEFAULT_DATACENTER;
        private String nodeName;
        private int threads = DEFAULT_THREADS;

        private Builder() {
        }

        /**
         * The address to listen on; {@code 0.0.0.0} for every interface. The catalog has no authentication, so
         * think twice before leaving loopback.
         *
         * @throws IllegalArgumentException if it is blank
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = requireText(bindAddress, "bindAddress");
            return this;
        }

        /**
         * The port to listen on; 0 picks any free port ({@link CatalogServer#port()} tells which).
         *
         * @throws IllegalArgumentException if it is not within 0 to 65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be within 0 (any free port) and 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The datacenter every answer names; a request with another {@code ?dc=} is answered as Consul answers
         * for a datacenter it cannot reach.
         *
         * @throws IllegalArgumentException if it is blank
         */
        public Builder datacenter(String datacenter) {
            this.datacenter = requireText(datacenter, "datacenter");
            return this;
        }

        /**
         * The node name of the server itself, in {@code /v1/agent/self}.
         *
         * @throws IllegalArgumentException if it is blank
         */
        public Builder nodeName(String nodeName) {
            this.nodeName = requireText(nodeName, "nodeName");
            return this;
        }

        /**
         * The threads that answer requests and time out blocking queries. A blocking query holds no thread while
         * it waits, so a few serve thousands of watching clients.
         *
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, but was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** The options. */
        public CatalogOptions build() {
            return new CatalogOptions(this);
        }

        private static String requireText(String value, String option) {
            Objects.requireNonNull(value, option);
            if (value.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank, but was '" + value + "'");
            }
            return value;
        }
    }
}
