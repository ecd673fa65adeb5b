package dev.registry.catalog.internal;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request with its query parameters decoded as Go's {@code url.ParseQuery} decodes them (so as Consul
 * reads them): {@code +} and {@code %XX} decoded, a parameter without {@code =} present with an empty value,
 * repeated parameters kept in order. Holds the exchange until it is answered, possibly on another thread.
 */
public final class Request {

    private final HttpExchange exchange;
    private final Map<String, List<String>> parameters;

    private Request(HttpExchange exchange, Map<String, List<String>> parameters) {
        this.exchange = exchange;
        this.parameters = parameters;
    }

    /** The request of {@code exchange}. */
    public static Request of(HttpExchange exchange) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Request(exchange, parameters);
    }

    /** The exchange, to answer. */
    public HttpExchange exchange() {
        return exchange;
    }

    /** The decoded path, such as {@code /v1/catalog/service/web}. */
    public String path() {
        return exchange.getRequestURI().getPath();
    }

    /** Whether the parameter {@code name} is present, with any value. */
    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    /** The first value of {@code name}, if present. */
    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    /**
     * A boolean parameter as Consul reads one: absent is false, present without a value ({@code ?passing}) is
     * true, otherwise the value as Go's {@code strconv.ParseBool} reads it.
     *
     * @throws HttpError 400 {@code Invalid value for ?name} for any other value
     */
    public boolean flag(String name) throws HttpError {
        Optional<String> value = first(name);
        if (value.isEmpty()) {
            return false;
        }
        switch (value.get()) {
            case "", "1", "t", "T", "true", "TRUE", "True":
                return true;
            case "0", "f", "F", "false", "FALSE", "False":
                return false;
            default:
                throw HttpError.badRequest("Invalid value for ?" + name);
        }
    }

    /** Whether the answer is to be indented: Consul's {@code ?pretty}, or {@code ?indent} of the Go library's facade. */
    public boolean pretty() {
        return has("pretty") || has("indent");
    }

    /** The request method, upper case. */
    public String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // a stray '%' reads as itself, as a lenient client library would have meant it
            return text;
        }
    }
}
