package dev.registry.nats;

import java.util.Map;
import java.util.Objects;

/**
 * One endpoint of a NATS micro service, as its {@code $SRV.INFO} answer describes it. Immutable.
 *
 * @param name the endpoint's name
 * @param subject the subject it listens on, where requests go
 * @param queueGroup its queue group ({@code q} by default in the micro libraries), empty when it has none
 * @param metadata the endpoint's metadata, sorted by key; empty when it has none
 */
public record MicroEndpoint(String name, String subject, String queueGroup, Map<String, String> metadata) {

    /** Checks that no component is null and keeps a sorted, read-only copy of the metadata. */
    public MicroEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(queueGroup, "queueGroup");
        metadata = MicroService.sortedCopy(metadata);
    }
}
