package dev.registry.nats;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One instance of a NATS micro service (ADR-32) that answered {@code $SRV.INFO}: a jnats {@code io.nats.service}
 * service, a nats.go {@code micro} one, or a registry instance made visible by {@link NatsMicro#expose}. Found
 * by {@link NatsMicro#discover}. Immutable.
 *
 * @param name the service's name, shared by all its instances
 * @param id this instance's id, unique among the instances of the name
 * @param version its version, SemVer as ADR-32 wants it (as sent: a service may send another)
 * @param description its description, empty when it has none
 * @param metadata its metadata, sorted by key; empty when it has none
 * @param endpoints its endpoints in the order it lists them; empty when it has none
 */
public record MicroService(String name, String id, String version, String description, Map<String, String> metadata,
                           List<MicroEndpoint> endpoints) {

    /** Checks that no component is null and keeps read-only copies, the metadata sorted. */
    public MicroService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        metadata = sortedCopy(metadata);
        endpoints = List.copyOf(endpoints);
    }

    static Map<String, String> sortedCopy(Map<String, String> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
