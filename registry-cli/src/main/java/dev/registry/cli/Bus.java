package dev.registry.cli;

import dev.registry.spi.Redaction;
import dev.registry.EnvironmentConfig;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Where the tool connects and with which options: the {@code REGISTRY_*} environment, read as
 * {@link Registry#connect()} reads it, then {@code --url}, {@code --prefix} and {@code --timeout} on top.
 * Immutable.
 */
final class Bus {

    /**
     * The tool's lookup timeout unless {@code REGISTRY_LOOKUP_TIMEOUT} or {@code --timeout} says otherwise:
     * longer than the library's 100 ms, because a person waits for one answer, not a service for thousands.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

    private final String url;
    private final RegistryOptions options;

    private Bus(String url, RegistryOptions options) {
        this.url = url;
        this.options = options;
    }

    /**
     * The bus {@code environment} describes, with the options of the command line on top.
     *
     * @param environment the {@code REGISTRY_*} variables, read as {@link EnvironmentConfig#from} reads them
     * @param url {@code --url}, or null for {@code REGISTRY_URL}
     * @param prefix {@code --prefix}, or null for {@code REGISTRY_PREFIX}
     * @param timeout {@code --timeout}, or null for {@code REGISTRY_LOOKUP_TIMEOUT}, else {@link #DEFAULT_TIMEOUT}
     * @return the bus
     * @throws IllegalArgumentException naming the variable or option whose value is invalid
     */
    static Bus configure(Map<String, String> environment, String url, String prefix, Duration timeout) {
        EnvironmentConfig config = EnvironmentConfig.from(environment);
        // The tool's own registries never register on their own: `register` unregisters in its shutdown hook.
        RegistryOptions.Builder options = config.applyTo(RegistryOptions.builder().lookupTimeout(DEFAULT_TIMEOUT))
                .unregisterOnShutdown(false);
        if (prefix != null) {
            try {
                options.mainTopic(prefix);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--prefix '" + prefix + "': " + e.getMessage(), e);
            }
        }
        if (timeout != null) {
            options.lookupTimeout(timeout);
        }
        return new Bus(url != null ? url : config.url(), options.build());
    }

    /** A registry on this bus, owning its connection. */
    Registry connect() {
        return Registry.connect(url, options);
    }

    /** The bus URL as configured, credentials included: for a second connection to the same bus, never to print. */
    String url() {
        return url;
    }

    /** The options every registry on this bus gets. */
    RegistryOptions options() {
        return options;
    }

    /** The bus for messages: its URL without a password or token, and the main topic. */
    @Override
    public String toString() {
        return redacted(url) + " (main topic " + options.mainTopic() + ")";
    }

    /**
     * {@code url} with the password of {@code user:password@} or a bare token masked.
     *
     * @param url a bus URL, perhaps with credentials
     * @return the URL fit to print
     */
    static String redacted(String url) {
        return Redaction.redact(url);
    }
}
