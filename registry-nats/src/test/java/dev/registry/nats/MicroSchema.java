package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The constraints of NATS micro's JSON schemas {@code io.nats.micro.v1.ping_response}, {@code info_response} and
 * {@code stats_response} (draft-07, as nats-io publishes them), checked field by field on an answer: the required
 * fields, their types, the name and SemVer patterns, the minimum lengths, metadata as an object of strings or null,
 * {@code started} as an RFC 3339 date-time.
 */
final class MicroSchema {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]+$");
    /** semver.org's suggested expression, as the schemas carry it. */
    private static final Pattern SEMVER = Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private MicroSchema() {
    }

    /** Fails unless {@code response} is valid per the schema of {@code type} ({@code ping_response}, ...). */
    static void assertValid(String type, JsonNode response) {
        String schema = "io.nats.micro.v1." + type;
        List<String> required = switch (type) {
            case "ping_response" -> List.of("type", "name", "id", "version");
            case "info_response" -> List.of("type", "name", "id", "version", "description");
            case "stats_response" -> List.of("type", "name", "id", "version", "started", "endpoints");
            default -> throw new IllegalArgumentException(type);
        };
        assertTrue(response.isObject(), schema + " is an object: " + response);
        required.forEach(field -> assertTrue(response.has(field), schema + " requires " + field + ": " + response));
        assertEquals(schema, response.get("type").textValue(), "type const");
        String name = response.get("name").textValue();
        assertTrue(name != null && NAME.matcher(name).matches(), "name pattern: " + response);
        String id = response.get("id").textValue();
        assertTrue(id != null && !id.isEmpty(), "id minLength 1: " + response);
        String version = response.get("version").textValue();
        assertTrue(version != null && version.length() >= 5 && SEMVER.matcher(version).matches(), "version: " + response);
        JsonNode metadata = response.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isNull()) {
            assertTrue(metadata.isObject(), "metadata is an object or null: " + response);
            metadata.properties().forEach(entry -> assertTrue(entry.getValue().isTextual(), "metadata values are strings: " + response));
        }
        if (type.equals("info_response")) {
            assertTrue(response.get("description").isTextual(), "description is a string: " + response);
            assertTrue(!response.has("endpoints") || response.get("endpoints").isArray(), "endpoints is an array: " + response);
        }
        if (type.equals("stats_response")) {
            assertTrue(response.get("endpoints").isArray(), "endpoints is an array: " + response);
            String started = response.get("started").textValue();
            assertTrue(started != null, "started is a string: " + response);
            OffsetDateTime.parse(started, DateTimeFormatter.ISO_OFFSET_DATE_TIME); // RFC 3339: throws otherwise
        }
    }
}
