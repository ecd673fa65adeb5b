package dev.registry.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.registry.Service;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON a registry instance answers NATS micro's discovery requests with, valid per the
 * {@code io.nats.micro.v1.ping_response}, {@code info_response} and {@code stats_response} schemas: the standard
 * fields ({@code type}, {@code name}, {@code id}, {@code version}, {@code metadata}), plus {@code description} and
 * empty {@code endpoints} for INFO, empty {@code endpoints} and {@code started} for STATS. Stateless and
 * thread-safe: Jackson's writers are immutable.
 */
final class MicroResponses {

    /** The {@code kv} entries go into the metadata under this prefix, apart from the fixed keys. */
    static final String KV_PREFIX = "kv.";

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

    private MicroResponses() {
    }

    /** The standard fields: every response has them, in this order. */
    record PingJson(String type, String name, String id, String version, Map<String, String> metadata) {
    }

    /** INFO's: the standard fields, a description and the endpoints (none: an instance declares no NATS subject). */
    record InfoJson(String type, String name, String id, String version, Map<String, String> metadata,
                    String description, List<Object> endpoints) {
    }

    /** STATS': the standard fields, the endpoints' statistics (none) and when the instance started, RFC 3339. */
    record StatsJson(String type, String name, String id, String version, Map<String, String> metadata,
                     List<Object> endpoints, String started) {
    }

    /**
     * The answer to {@code verb} for {@code service}, as UTF-8 JSON.
     *
     * @param id the instance's micro id ({@link MicroNames#id})
     * @param started when the instance counts as started, for STATS
     */
    static byte[] encode(MicroRequest.Verb verb, Service service, String id, Instant started) {
        String name = service.name();
        String version = MicroNames.version(service.version());
        Map<String, String> metadata = metadata(service, version);
        Object response = switch (verb) {
            case PING -> new PingJson(verb.responseType(), name, id, version, metadata);
            case INFO -> new InfoJson(verb.responseType(), name, id, version, metadata, description(service), List.of());
            case STATS -> new StatsJson(verb.responseType(), name, id, version, metadata, List.of(),
                    DateTimeFormatter.ISO_INSTANT.format(started));
        };
        try {
            return WRITER.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            // records of strings, maps of strings and empty lists: only a bug gets here
            throw new IllegalStateException("cannot write the " + verb + " response of " + service + ": " + e.getMessage(), e);
        }
    }

    /**
     * The instance's fields as micro metadata: {@code address}, {@code network} (when set), {@code url},
     * {@code host}, {@code status} ({@code passing}, {@code warning}, {@code critical} or {@code draining}),
     * {@code version} when the registered one is not the SemVer the response carries, then each {@code kv}
     * entry as {@code kv.<key>}.
     */
    static Map<String, String> metadata(Service service, String microVersion) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("address", service.address());
        if (!service.network().isEmpty()) {
            metadata.put("network", service.network());
        }
        metadata.put("url", service.url());
        metadata.put("host", service.host());
        metadata.put("status", service.status().name().toLowerCase(Locale.ROOT));
        if (!service.version().isEmpty() && !service.version().equals(microVersion)) {
            metadata.put("version", service.version());
        }
        service.kv().forEach((key, value) -> metadata.put(KV_PREFIX + key, value));
        return metadata;
    }

    /** What {@code nats micro ls} shows in its description column: which instance this is. */
    static String description(Service service) {
        return "registry instance " + service.id();
    }
}
