package dev.registry.spring;

import dev.registry.EnvironmentConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads the {@code REGISTRY_*} environment variables that {@code Registry.connect()}, the {@code registry}
 * tool and Go peers read, so that one environment configures every process of a deployment alike: each one set
 * becomes its {@code registry.*} property ({@code REGISTRY_LOOKUP_TIMEOUT=1m30s} is {@code registry.lookup-timeout}),
 * with the library's syntax: Go durations ({@code 1m30s}, {@code 1.5h}), {@code yes}/{@code off} booleans, and
 * {@code REGISTRY_PREFIX} as the main topic (Spring's relaxed binding alone would read {@code REGISTRY_LOOKUP_TIMEOUT}
 * but not {@code 1m30s}). They rank as environment variables do in Spring: over {@code application.properties},
 * under system properties and command-line arguments. A bad value fails the start with the library's message,
 * naming the variable and the value (never a signing key's).
 *
 * <p>Runs once, on the thread that starts the application.
 */
public class RegistryEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The name of the property source holding the variables' properties. */
    public static final String PROPERTY_SOURCE = "registryEnvironmentVariables";

    private static final String SYSTEM_ENVIRONMENT = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> system = environment.getPropertySources().get(SYSTEM_ENVIRONMENT);
        if (!(system instanceof EnumerablePropertySource<?> enumerable)) {
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : enumerable.getPropertyNames()) {
            if (name.startsWith("REGISTRY_") && enumerable.getProperty(name) instanceof String text && !text.isBlank()) {
                variables.put(name, text);
            }
        }
        if (variables.isEmpty()) {
            return;
        }
        EnvironmentConfig.from(variables); // checks every value, with messages naming the variable
        Map<String, Object> properties = new LinkedHashMap<>();
        properties().forEach((variable, property) -> {
            String value = variables.get(variable);
            if (value != null) {
                String given = variable.equals(EnvironmentConfig.SIGNING_KEY) ? value : value.strip(); // a key as is
                properties.put(property.name, property.convert.apply(given));
            }
        });
        environment.getPropertySources().addBefore(SYSTEM_ENVIRONMENT, new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    /** Each variable's property, and how its value is written for Spring's converters. */
    private static Map<String, Property> properties() {
        UnaryOperator<String> asIs = UnaryOperator.identity();
        UnaryOperator<String> duration = value -> EnvironmentConfig.parseDuration(value).toString();
        UnaryOperator<String> bool = value -> String.valueOf(EnvironmentConfig.from(
                Map.of(EnvironmentConfig.UNREGISTER_ON_SHUTDOWN, value)).options().unregisterOnShutdown());
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put(EnvironmentConfig.URL, new Property("registry.url", asIs));
        properties.put(EnvironmentConfig.PREFIX, new Property("registry.main-topic", asIs));
        properties.put(EnvironmentConfig.LOOKUP_TIMEOUT, new Property("registry.lookup-timeout", duration));
        properties.put(EnvironmentConfig.REGISTER_INTERVAL, new Property("registry.register-interval", duration));
        properties.put(EnvironmentConfig.DUE_FACTOR, new Property("registry.due-factor", asIs));
        properties.put(EnvironmentConfig.DUE_CHECK_PERIOD, new Property("registry.due-check-period", duration));
        properties.put(EnvironmentConfig.HOST_NAME, new Property("registry.host-name", asIs));
        properties.put(EnvironmentConfig.MAX_MESSAGE_SIZE, new Property("registry.max-message-size", asIs));
        properties.put(EnvironmentConfig.SIGNING_KEY, new Property("registry.signing-key", asIs));
        properties.put(EnvironmentConfig.UNREGISTER_ON_SHUTDOWN, new Property("registry.unregister-on-shutdown", bool));
        return properties;
    }

    /** A property and the conversion of a variable's value to it. */
    private record Property(String name, UnaryOperator<String> convert) {
    }
}
