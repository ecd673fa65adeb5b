package dev.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * One named network endpoint of an instance, such as {@code http} on port 8080 and {@code grpc} on 9090, or
 * the HTTP, TCP, UDP, GTP or PFCP interfaces of a telecom function. Declared with
 * {@link Service.Builder#endpoint(String, String, String, int)}.
 *
 * <p>On the wire an endpoint is one {@code kv} entry, {@code "ep.<name>": "<protocol>://<host>:<port>"}, so a
 * Go peer keeps and forwards it as ordinary metadata. Immutable.
 *
 * @param name     what the endpoint is for, unique per instance ({@code api}, {@code metrics}, {@code n4})
 * @param protocol how to talk to it ({@code http}, {@code grpc}, {@code udp}, {@code pfcp}, ...)
 * @param host     host name or IP address (IPv6 without brackets)
 * @param port     1 to 65535
 */
public record Endpoint(String name, String protocol, String host, int port) {

    /** Prefix of the {@code kv} keys that carry endpoints. */
    public static final String KV_PREFIX = "ep.";

    /** Checks every component (see the record's parameters). */
    public Endpoint {
        requireToken("endpoint name", name);
        requireToken("endpoint protocol", protocol);
        requireToken("endpoint host", host);
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("endpoint port must be 1..65535, but was " + port);
        }
    }

    /** {@code protocol://host:port}, with an IPv6 host in brackets. */
    public String uri() {
        return protocol + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The endpoint a {@code kv} entry carries, or empty when the entry is not a well-formed endpoint. */
    static Optional<Endpoint> fromKv(String key, String value) {
        if (!key.startsWith(KV_PREFIX)) {
            return Optional.empty();
        }
        int scheme = value.indexOf("://");
        int colon = value.lastIndexOf(':');
        if (scheme <= 0 || colon <= scheme + 2) {
            return Optional.empty();
        }
        String host = value.substring(scheme + 3, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return Optional.of(new Endpoint(key.substring(KV_PREFIX.length()), value.substring(0, scheme), host,
                    Integer.parseInt(value.substring(colon + 1))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static void requireToken(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be non-empty without whitespace, but was '" + value + "'");
        }
    }
}
