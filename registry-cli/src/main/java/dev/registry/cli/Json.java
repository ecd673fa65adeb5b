package dev.registry.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The tool's JSON, for scripts ({@code --json}, e.g. piped to {@code jq}): an instance is an object with
 * every field, empty strings included, so a script never tests for a missing key. Stateless and thread-safe.
 *
 * <pre>
 * {"name":"greeter","address":"127.0.0.1:8080","network":"","url":"http://127.0.0.1:8080/","version":"1.0.0",
 *  "host":"web-1","status":"passing","kv":{"zone":"eu"}}
 * </pre>
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON value. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    /** A JSON array of the instances, sorted by name then address. */
    static String services(List<Service> services, boolean pretty) {
        return write(pretty, json -> {
            json.writeStartArray();
            for (Service service : services.stream().sorted(ServiceTable.ORDER).toList()) {
                service(json, service);
            }
            json.writeEndArray();
        });
    }

    /** One event on one line: {@code {"time":"...","event":"REGISTERED","service":{...}}}. */
    static String event(ServiceEvent event, Instant time) {
        return write(false, json -> {
            json.writeStartObject();
            json.writeStringField("time", time.toString());
            json.writeStringField("event", event.type().name());
            json.writeFieldName("service");
            service(json, event.service());
            json.writeEndObject();
        });
    }

    /** The text {@code writer} writes, indented when {@code pretty}. */
    static String write(boolean pretty, Writer writer) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON into a string cannot fail: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /** An object of text fields. */
    static void stringMap(JsonGenerator json, Map<String, String> entries) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void service(JsonGenerator json, Service service) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", service.name());
        json.writeStringField("address", service.address());
        json.writeStringField("network", service.network());
        json.writeStringField("url", service.url());
        json.writeStringField("version", service.version());
        json.writeStringField("host", service.host());
        json.writeStringField("status", service.status().wireName());
        json.writeFieldName("kv");
        stringMap(json, service.kv());
        json.writeEndObject();
    }
}
