package dev.registry;

import dev.registry.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One instance of a service: what a process registers and what lookups return. An instance is identified
 * by its {@linkplain #name() name} and {@linkplain #address() address}.
 *
 * <p>Immutable and thread-safe. Optional text fields are empty strings when not set, as on the wire;
 * {@link #kv()} is empty when there is no metadata and iterates in key order. The {@linkplain #status()
 * status} defaults to {@link Status#PASSING}.
 *
 * <pre>{@code
 * Service orders = Service.builder("orders").address("10.0.0.5:8080").version("1.4.0").kv("zone", "eu-1").build();
 * }</pre>
 */
public final class Service {

    private final String name;
    private final String address;
    private final String network;
    private final String url;
    private final String version;
    private final String host;
    private final Map<String, String> kv;
    private final Status status;

    private Service(Builder builder) {
        this.name = builder.name;
        this.address = builder.address;
        this.network = builder.network;
        this.url = builder.url;
        this.version = builder.version;
        this.host = builder.host;
        this.kv = builder.kv == null ? Map.of() : SortedKv.copyOf(builder.kv);
        this.status = builder.status;
    }

    /**
     * Starts a service description.
     *
     * @param name the service name: 1 to {@value Names#MAX_LENGTH} characters, no whitespace, none of
     *             {@code . * >} (they are topic separators and wildcards on the bus)
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every field of this instance, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(name).address(address).network(network).url(url).version(version)
                .host(host).status(status).kv(kv);
    }

    /** The service name. */
    public String name() {
        return name;
    }

    /** Where the instance listens, usually {@code host:port}. */
    public String address() {
        return address;
    }

    /**
     * This instance's identity: {@code name@address}. The wire identifies an instance by name and address (the
     * rest is its state), so two announcements with the same id are the same instance, in any status.
     */
    public String id() {
        return name + '@' + address;
    }

    /** The network of the address ({@code tcp}, {@code tcp6}, {@code unix}, ...), empty when not set. */
    public String network() {
        return network;
    }

    /** The base URL to call the instance, empty when not set. */
    public String url() {
        return url;
    }

    /** The version of the instance, empty when not set. */
    public String version() {
        return version;
    }

    /** The host name of the instance; the registering process's host name unless set. */
    public String host() {
        return host;
    }

    /** Free metadata, sorted by key; empty when there is none. */
    public Map<String, String> kv() {
        return kv;
    }

    /** The endpoints this instance declares, in name order; empty when none. */
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        kv.forEach((key, value) -> Endpoint.fromKv(key, value).ifPresent(endpoints::add));
        return endpoints;
    }

    /** The endpoint called {@code name}, if this instance declares it. */
    public Optional<Endpoint> endpoint(String name) {
        String value = kv.get(Endpoint.KV_PREFIX + name);
        return value == null ? Optional.empty() : Endpoint.fromKv(Endpoint.KV_PREFIX + name, value);
    }

    /** The health the owner reports. */
    public Status status() {
        return status;
    }

    /** This instance with {@code newStatus}, or this very object when the status is the same. */
    public Service withStatus(Status newStatus) {
        Objects.requireNonNull(newStatus, "status");
        return newStatus == status ? this : toBuilder().status(newStatus).build();
    }

    /**
     * The port of the {@linkplain #address() address} ({@code host:port}, {@code [v6]:port} or {@code :port}),
     * or empty when the address has no numeric port (a unix socket path, a bare IPv6 address, say).
     */
    public OptionalInt port() {
        int colon = portColon();
        if (colon < 0 || colon == address.length() - 1) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            return port >= 0 && port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
        } catch (NumberFormatException notAPort) {
            return OptionalInt.empty();
        }
    }

    /**
     * The host part of the {@linkplain #address() address}: {@code 10.0.0.5} of {@code 10.0.0.5:8080},
     * {@code ::1} (without brackets) of {@code [::1]:8080}, empty for {@code :8080}; an address without a port
     * (a socket path, a bare IPv6 address) is all host.
     */
    public String addressHost() {
        int colon = portColon();
        String host = colon < 0 ? address : address.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Where a client connects: the {@linkplain #addressHost() address's host}, or the instance's
     * {@linkplain #host() host name} when the address names none ({@code :8080}, which Go services often
     * register to listen on every interface).
     */
    public String connectHost() {
        String fromAddress = addressHost();
        return fromAddress.isEmpty() ? host : fromAddress;
    }

    /** The index of the colon before the port: one colon only, or a bracketed IPv6 host; -1 when there is none. */
    private int portColon() {
        int colon = address.lastIndexOf(':');
        boolean hostAndPort = colon >= 0 && address.indexOf(':') == colon
                || address.startsWith("[") && colon > 0 && address.charAt(colon - 1) == ']';
        return hostAndPort ? colon : -1;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Service)) {
            return false;
        }
        Service that = (Service) other;
        return name.equals(that.name) && address.equals(that.address) && network.equals(that.network)
                && url.equals(that.url) && version.equals(that.version) && host.equals(that.host)
                && kv.equals(that.kv) && status == that.status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, address, network, url, version, host, kv, status);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Service{").append(name).append(" @ ").append(address);
        appendIfSet(text, "net", network);
        appendIfSet(text, "url", url);
        appendIfSet(text, "v", version);
        appendIfSet(text, "h", host);
        if (!kv.isEmpty()) {
            text.append(", kv=").append(kv);
        }
        return text.append(", ").append(status.wireName()).append('}').toString();
    }

    private static void appendIfSet(StringBuilder text, String label, String value) {
        if (!value.isEmpty()) {
            text.append(", ").append(label).append('=').append(value);
        }
    }

    /** Builds a {@link Service}. Not thread-safe; {@link #build()} validates every field. */
    public static final class Builder {
        private final String name;
        private String address = "";
        private String network = "";
        private String url = "";
        private String version = "";
        private String host = "";
        /** Null until an entry is added; each built service keeps a compact copy ({@link SortedKv}). */
        private TreeMap<String, String> kv;
        private Status status = Status.PASSING;

        private Builder(String name) {
            this.name = Names.requireValidServiceName(name);
        }

        /** Where the instance listens, usually {@code host:port}. Required. */
        public Builder address(String address) {
            this.address = textOrEmpty(address, "address");
            return this;
        }

        /**
         * The address {@code host:port}, with an IPv6 host in brackets ({@code [::1]:8080}); an empty host gives
         * {@code :port} (every interface).
         *
         * @throws IllegalArgumentException when the host is null or the port is not 0..65535
         */
        public Builder address(String host, int port) {
            if (host == null) {
                throw new IllegalArgumentException("address host must not be null (port was " + port + ")");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, but was " + port);
            }
            return address((host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
        }

        /** The network of the address, such as {@code tcp}. */
        public Builder network(String network) {
            this.network = textOrEmpty(network, "network");
            return this;
        }

        /** The base URL to call the instance. */
        public Builder url(String url) {
            this.url = textOrEmpty(url, "url");
            return this;
        }

        /** The version of the instance. */
        public Builder version(String version) {
            this.version = textOrEmpty(version, "version");
            return this;
        }

        /** The host name; defaults to the registry's host name when registered. */
        public Builder host(String host) {
            this.host = textOrEmpty(host, "host");
            return this;
        }

        /** Adds one metadata entry; a later value for the same key replaces the earlier one. */
        public Builder kv(String key, String value) {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("kv key must not be empty (value was '" + value + "')");
            }
            ownKv().put(key, Objects.requireNonNull(value, () -> "kv value for key '" + key + "' must not be null"));
            return this;
        }

        /** Adds every entry of {@code entries}. */
        public Builder kv(Map<String, String> entries) {
            entries.forEach(this::kv);
            return this;
        }

        /**
         * Declares a named endpoint (see {@link Endpoint}), carried in {@code kv} as {@code ep.<name>}; a later
         * endpoint of the same name replaces the earlier one.
         */
        public Builder endpoint(String name, String protocol, String host, int port) {
            Endpoint endpoint = new Endpoint(name, protocol, host, port);
            ownKv().put(Endpoint.KV_PREFIX + endpoint.name(), endpoint.uri());
            return this;
        }

        /** The initial health; {@link Status#PASSING} unless set. */
        public Builder status(Status status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /**
         * @throws IllegalArgumentException if the address is missing or contains whitespace
         */
        public Service build() {
            Names.requireValidAddress(name, address);
            return new Service(this);
        }

        /** The map to add to, created on first use. */
        private TreeMap<String, String> ownKv() {
            if (kv == null) {
                kv = new TreeMap<>();
            }
            return kv;
        }

        private static String textOrEmpty(String value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " must not be null; leave it unset instead");
            }
            return value;
        }
    }
}
