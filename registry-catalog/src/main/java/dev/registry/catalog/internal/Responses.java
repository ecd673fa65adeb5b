package dev.registry.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answers: JSON records through Jackson databind (compact, or indented by four spaces with a final new
 * line as Consul's {@code ?pretty} writes them), plain-text errors, and the headers every Consul answer carries.
 * Thread-safe: the writers are immutable.
 */
public final class Responses {

    /** The JSON media type; Prometheus's HTTP SD accepts it with this charset parameter, Consul clients ignore it. */
    public static final String JSON = "application/json; charset=utf-8";
    /** The media type of errors, as Go's HTTP server sniffs Consul's plain-text errors. */
    public static final String TEXT = "text/plain; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    /** Maps are written in key order, as Go's encoding/json (so Consul) writes them. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectWriter COMPACT = MAPPER.writer();
    /**
     * Go's {@code json.MarshalIndent(value, "", "    ")}, which Consul's {@code ?pretty} uses: four spaces a level,
     * {@code "key": value}, empty objects and lists as {@code {}} and {@code []}.
     */
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));

    private Responses() {
    }

    /** {@code record} as a JSON tree, for {@code ?filter} expressions to read. */
    public static JsonNode tree(Object record) {
        return MAPPER.valueToTree(record);
    }

    /**
     * Answers with {@code body} as JSON and closes the exchange.
     *
     * @param request the request, whose {@code ?pretty} decides the layout
     * @param body a record, list or map of records
     * @param headers extra headers, such as {@code X-Consul-Index}
     */
    public static void json(Request request, Object body, Map<String, String> headers) {
        send(request.exchange(), 200, JSON, text(body, request.pretty()), headers);
    }

    /**
     * {@code body} as JSON text: compact, or indented by four spaces with a final new line, as Consul's
     * {@code ?pretty}.
     */
    static String text(Object body, boolean pretty) {
        try {
            return pretty ? PRETTY.writeValueAsString(body) + "\n" : COMPACT.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            // only a type Jackson cannot write fails here, and the server writes its own records only: a bug
            throw new IllegalStateException("cannot write " + body.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Answers with {@code error}'s status and reason as plain text, and closes the exchange. */
    public static void error(Request request, HttpError error, Map<String, String> headers) {
        send(request.exchange(), error.status(), TEXT, error.getMessage(), headers);
    }

    /**
     * Answers and closes the exchange; a client that went away meanwhile (a blocking query given up) is no
     * error of the server's, so it is only logged at debug level.
     */
    public static void send(HttpExchange exchange, int status, String type, String body, Map<String, String> headers) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            // every answer of Consul after 1.9 names its default ACL policy; this server has no ACLs: all is allowed
            exchange.getResponseHeaders().set("X-Consul-Default-ACL-Policy", "allow");
            if (!type.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", type);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | UncheckedIOException gone) {
            LOG.debug("cannot answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), gone.toString());
        }
    }
}
