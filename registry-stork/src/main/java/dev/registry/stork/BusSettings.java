package dev.registry.stork;

import dev.registry.EnvironmentConfig;
import dev.registry.RegistryOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The bus and options that the Stork attributes of a {@code registry} discovery or registrar name, laid over this
 * process's {@code REGISTRY_*} environment (an attribute that is not set leaves the variable's value, and a variable
 * that is not set the library's default). Attribute values are checked at once, and a bad one fails with a message
 * naming the Stork property and its value. Immutable.
 */
final class BusSettings {

    static final String URL = "url";
    static final String MAIN_TOPIC = "main-topic";
    static final String LOOKUP_TIMEOUT = "lookup-timeout";
    static final String REGISTER_INTERVAL = "register-interval";
    static final String DUE_FACTOR = "due-factor";
    static final String HOST_NAME = "host-name";
    static final String SIGNING_KEY = "signing-key";

    static final String URL_DESCRIPTION = "The bus: nats://, tls://, redis://, rediss://, redis-sentinel://,"
            + " redis-cluster:// or mem:// (its transport module on the class path). Default: REGISTRY_URL, else nats://127.0.0.1:4222.";
    static final String MAIN_TOPIC_DESCRIPTION = "Prefix of every topic; only registries with the same one see each other."
            + " Default: REGISTRY_PREFIX, else registry.";
    static final String LOOKUP_TIMEOUT_DESCRIPTION = "How long a first lookup waits for answers, as 100ms, 1s or PT1S."
            + " Default: REGISTRY_LOOKUP_TIMEOUT, else 100ms.";
    static final String REGISTER_INTERVAL_DESCRIPTION = "Heartbeat period of the instances registered through this bus,"
            + " as 20s or PT20S. Default: REGISTRY_REGISTER_INTERVAL, else 20s.";
    static final String DUE_FACTOR_DESCRIPTION = "Multiple of a sender's register interval after which a silent instance"
            + " expires. Default: REGISTRY_DUE_FACTOR, else 1.5.";
    static final String HOST_NAME_DESCRIPTION = "Host given to the instances registered without one."
            + " Default: REGISTRY_HOST_NAME, else this machine's host name.";
    static final String SIGNING_KEY_DESCRIPTION = "Shared key signing every message (at least 16 bytes), never logged."
            + " Default: REGISTRY_SIGNING_KEY, else unsigned.";

    /** The bus attributes, in the order they are applied. */
    static final List<String> ATTRIBUTES = List.of(URL, MAIN_TOPIC, LOOKUP_TIMEOUT, REGISTER_INTERVAL, DUE_FACTOR, HOST_NAME,
            SIGNING_KEY);

    private final String url;
    private final RegistryOptions options;
    /** The bus attributes that are set, in key order: registries are shared between equal keys. */
    private final Map<String, String> key;

    private BusSettings(String url, RegistryOptions options, Map<String, String> key) {
        this.url = url;
        this.options = options;
        this.key = key;
    }

    /**
     * The settings {@code parameters} hold over {@code environment}.
     *
     * @param where the properties' prefix, such as {@code stork.orders.service-discovery}, for messages
     * @throws IllegalArgumentException naming the property and its value (a signing key only by its length)
     */
    static BusSettings of(String where, Map<String, String> parameters, EnvironmentConfig environment) {
        Map<String, String> key = new TreeMap<>();
        ATTRIBUTES.forEach(name -> {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                key.put(name, name.equals(SIGNING_KEY) ? value : value.strip());
            }
        });
        RegistryOptions.Builder builder = environment.applyTo(RegistryOptions.builder());
        key.forEach((name, value) -> apply(where, name, value, builder));
        return new BusSettings(key.getOrDefault(URL, environment.url()), builder.build(), Map.copyOf(key));
    }

    String url() {
        return url;
    }

    RegistryOptions options() {
        return options;
    }

    Map<String, String> key() {
        return key;
    }

    private static void apply(String where, String name, String value, RegistryOptions.Builder builder) {
        BiConsumer<RegistryOptions.Builder, String> setter = setter(name);
        try {
            setter.accept(builder, value);
        } catch (IllegalArgumentException invalid) {
            String shown = name.equals(SIGNING_KEY)
                    ? " (value not shown, " + value.getBytes(StandardCharsets.UTF_8).length + " bytes)"
                    : "='" + value + "'";
            throw new IllegalArgumentException(where + "." + name + shown + ": " + invalid.getMessage(), invalid);
        }
    }

    private static BiConsumer<RegistryOptions.Builder, String> setter(String name) {
        switch (name) {
            case MAIN_TOPIC:
                return RegistryOptions.Builder::mainTopic;
            case LOOKUP_TIMEOUT:
                return (builder, value) -> builder.lookupTimeout(EnvironmentConfig.parseDuration(value));
            case REGISTER_INTERVAL:
                return (builder, value) -> builder.registerInterval(EnvironmentConfig.parseDuration(value));
            case DUE_FACTOR:
                return (builder, value) -> builder.dueFactor(number(value));
            case HOST_NAME:
                return RegistryOptions.Builder::hostName;
            case SIGNING_KEY:
                return (builder, value) -> builder.signingKey(value.getBytes(StandardCharsets.UTF_8));
            default: // URL: checked by the transport when it connects
                return (builder, value) -> { };
        }
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number such as 1.5", e);
        }
    }
}
