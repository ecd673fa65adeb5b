package dev.registry;

import dev.registry.internal.DurationText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A registry's bus URL and options read from environment variables, 12-factor style, so that one build runs
 * unchanged in every environment: {@link Registry#connect()} uses it, and so does the {@code registry}
 * command-line tool.
 *
 * <table>
 *   <caption>Variables (unset or blank: the default)</caption>
 *   <tr><th>variable</th><th>option</th><th>default</th><th>value</th></tr>
 *   <tr><td>{@value #URL}</td><td>the bus</td><td>{@value #DEFAULT_URL}</td><td>{@code nats://}, {@code tls://},
 *       {@code redis://}, {@code rediss://}, {@code redis-sentinel://}, {@code mem://} (the transport must be on the class path)</td></tr>
 *   <tr><td>{@value #PREFIX}</td><td>mainTopic</td><td>{@code registry}</td><td>text</td></tr>
 *   <tr><td>{@value #LOOKUP_TIMEOUT}</td><td>lookupTimeout</td><td>100ms</td><td>duration</td></tr>
 *   <tr><td>{@value #REGISTER_INTERVAL}</td><td>registerInterval</td><td>20s</td><td>duration</td></tr>
 *   <tr><td>{@value #DUE_FACTOR}</td><td>dueFactor</td><td>1.5</td><td>number</td></tr>
 *   <tr><td>{@value #DUE_CHECK_PERIOD}</td><td>dueCheckPeriod</td><td>200ms</td><td>duration</td></tr>
 *   <tr><td>{@value #HOST_NAME}</td><td>hostName</td><td>this machine's host name</td><td>text</td></tr>
 *   <tr><td>{@value #MAX_MESSAGE_SIZE}</td><td>maxMessageSize</td><td>65536</td><td>bytes</td></tr>
 *   <tr><td>{@value #SIGNING_KEY}</td><td>signingKey</td><td>none</td><td>the key's UTF-8 bytes, at least 16</td></tr>
 *   <tr><td>{@value #UNREGISTER_ON_SHUTDOWN}</td><td>unregisterOnShutdown</td><td>true</td><td>true or false</td></tr>
 * </table>
 *
 * Durations are written as Go writes them ({@code 100ms}, {@code 20s}, {@code 1m30s}) or in ISO-8601
 * ({@code PT20S}). Other options (filters, executors, the ticker) are code, not configuration. Variables are
 * read and checked once, in {@link #from(Map)}: a bad value fails there with an
 * {@link IllegalArgumentException} naming the variable and its value (a signing key is never shown). Other
 * variables, {@code REGISTRY_*} or not, are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class EnvironmentConfig {

    /** Variable holding the bus to connect to (a URL whose scheme picks the transport). */
    public static final String URL = "REGISTRY_URL";
    /** Variable holding the main topic. */
    public static final String PREFIX = "REGISTRY_PREFIX";
    /** Variable holding the lookup timeout (Go or ISO-8601 duration). */
    public static final String LOOKUP_TIMEOUT = "REGISTRY_LOOKUP_TIMEOUT";
    /** Variable holding the register interval (duration). */
    public static final String REGISTER_INTERVAL = "REGISTRY_REGISTER_INTERVAL";
    /** Variable holding the due factor. */
    public static final String DUE_FACTOR = "REGISTRY_DUE_FACTOR";
    /** Variable holding the due-check period (duration). */
    public static final String DUE_CHECK_PERIOD = "REGISTRY_DUE_CHECK_PERIOD";
    /** Variable holding the host name of registrations. */
    public static final String HOST_NAME = "REGISTRY_HOST_NAME";
    /** Variable holding the largest message in bytes. */
    public static final String MAX_MESSAGE_SIZE = "REGISTRY_MAX_MESSAGE_SIZE";
    /** Variable holding the HMAC signing key. */
    public static final String SIGNING_KEY = "REGISTRY_SIGNING_KEY";
    /** Variable holding whether a shutdown hook unregisters (true or false). */
    public static final String UNREGISTER_ON_SHUTDOWN = "REGISTRY_UNREGISTER_ON_SHUTDOWN";

    /** The bus when {@value #URL} is not set: a NATS server on this machine's default port. */
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";

    /** How each option variable sets its option; the order is the table's. */
    private static final Map<String, BiConsumer<RegistryOptions.Builder, String>> OPTIONS = optionSetters();

    private final String url;
    /** The option variables that are set, with their values as given, in table order. */
    private final Map<String, String> set;

    private EnvironmentConfig(String url, Map<String, String> set) {
        this.url = url;
        this.set = set;
    }

    /** The configuration of this process's environment ({@link System#getenv()}). */
    public static EnvironmentConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The configuration {@code variables} hold; pass a map instead of the process environment in tests or to
     * layer your own sources.
     *
     * @throws IllegalArgumentException if a variable holds an invalid value, naming the variable and the value
     */
    public static EnvironmentConfig from(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        Map<String, String> set = new LinkedHashMap<>();
        OPTIONS.keySet().forEach(variable -> {
            String value = variables.get(variable);
            if (value != null && !value.isBlank()) {
                set.put(variable, variable.equals(SIGNING_KEY) ? value : value.strip());
            }
        });
        EnvironmentConfig config = new EnvironmentConfig(url(variables), Collections.unmodifiableMap(set));
        config.applyTo(RegistryOptions.builder());
        return config;
    }

    /** The bus URL: {@value #URL}, or {@value #DEFAULT_URL} when it is not set. */
    public String url() {
        return url;
    }

    /** The library's defaults, changed by the option variables that are set. */
    public RegistryOptions options() {
        return applyTo(RegistryOptions.builder()).build();
    }

    /**
     * Sets on {@code builder} the options whose variables are set, leaving the others as they are: the
     * environment overrides the builder's values, and the caller may override the environment afterwards.
     *
     * @return {@code builder}
     */
    public RegistryOptions.Builder applyTo(RegistryOptions.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        OPTIONS.forEach((variable, option) -> {
            String value = set.get(variable);
            if (value != null) {
                try {
                    option.accept(builder, value);
                } catch (IllegalArgumentException invalid) {
                    throw new IllegalArgumentException(describe(variable, value) + ": " + invalid.getMessage(), invalid);
                }
            }
        });
        return builder;
    }

    /**
     * A duration in the syntax of the variables ({@code 100ms}, {@code 20s}, {@code 1m30s}, {@code PT20S}), for
     * tools that take the same values on their command line.
     *
     * @throws IllegalArgumentException saying why {@code text} is not a duration (without repeating it)
     */
    public static Duration parseDuration(String text) {
        return DurationText.parse(Objects.requireNonNull(text, "text"));
    }

    /** The URL and the variables that are set; the signing key is masked. */
    @Override
    public String toString() {
        return "EnvironmentConfig{" + URL + "=" + url + set.keySet().stream()
                .map(variable -> ", " + (variable.equals(SIGNING_KEY) ? variable + "=***" : variable + "=" + set.get(variable)))
                .collect(Collectors.joining()) + "}";
    }

    private static Map<String, BiConsumer<RegistryOptions.Builder, String>> optionSetters() {
        Map<String, BiConsumer<RegistryOptions.Builder, String>> options = new LinkedHashMap<>();
        options.put(PREFIX, RegistryOptions.Builder::mainTopic);
        options.put(LOOKUP_TIMEOUT, (builder, value) -> builder.lookupTimeout(DurationText.parse(value)));
        options.put(REGISTER_INTERVAL, (builder, value) -> builder.registerInterval(DurationText.parse(value)));
        options.put(DUE_FACTOR, (builder, value) -> builder.dueFactor(number(value)));
        options.put(DUE_CHECK_PERIOD, (builder, value) -> builder.dueCheckPeriod(DurationText.parse(value)));
        options.put(HOST_NAME, RegistryOptions.Builder::hostName);
        options.put(MAX_MESSAGE_SIZE, (builder, value) -> builder.maxMessageSize(bytes(value)));
        options.put(SIGNING_KEY, (builder, value) -> builder.signingKey(value.getBytes(StandardCharsets.UTF_8)));
        options.put(UNREGISTER_ON_SHUTDOWN, (builder, value) -> builder.unregisterOnShutdown(bool(value)));
        return options;
    }

    /** The URL variable's value, checked for a scheme here so that the message can name the variable. */
    private static String url(Map<String, String> variables) {
        String value = variables.get(URL);
        if (value == null || value.isBlank()) {
            return DEFAULT_URL;
        }
        String url = value.strip();
        if (!url.matches("[A-Za-z][A-Za-z0-9+.-]*://.+")) {
            throw new IllegalArgumentException(describe(URL, value) + ": not a URL with a scheme, such as " + DEFAULT_URL);
        }
        return url;
    }

    /** How a variable and its value appear in an error message: a signing key only by its length. */
    private static String describe(String variable, String value) {
        return variable.equals(SIGNING_KEY)
                ? variable + " (value not shown, " + value.getBytes(StandardCharsets.UTF_8).length + " bytes)"
                : variable + "='" + value + "'";
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number such as 1.5", e);
        }
    }

    private static int bytes(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number of bytes such as 65536", e);
        }
    }

    private static boolean bool(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new IllegalArgumentException("not true or false");
        }
    }
}
