package dev.registry.cli;

import dev.registry.EnvironmentConfig;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import java.net.URI;
import java.net.URISyntaxException;
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
     * The bus {@code environment} and {@code arguments} describe.
     *
     * @throws UsageException naming the variable or option whose value is invalid
     */
    static Bus configure(Map<String, String> environment, Arguments arguments) throws UsageException {
        EnvironmentConfig config;
        try {
            config = EnvironmentConfig.from(environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        // The tool's own registries never register on their own: `register` unregisters in its shutdown hook.
        RegistryOptions.Builder options = config.applyTo(RegistryOptions.builder().lookupTimeout(DEFAULT_TIMEOUT))
                .unregisterOnShutdown(false);
        if (arguments.has("--prefix")) {
            String prefix = arguments.value("--prefix").orElseThrow();
            try {
                options.mainTopic(prefix);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--prefix '" + prefix + "': " + e.getMessage(), e);
            }
        }
        arguments.duration("--timeout").ifPresent(options::lookupTimeout);
        return new Bus(arguments.value("--url").orElse(config.url()), options.build());
    }

    /** A registry on this bus, owning its connection. */
    Registry connect() {
        return Registry.connect(url, options);
    }

    RegistryOptions options() {
        return options;
    }

    /** The bus for messages: its URL without a password or token, and the main topic. */
    @Override
    public String toString() {
        return redacted(url) + " (main topic " + options.mainTopic() + ")";
    }

    /** {@code url} with the password of {@code user:password@} or a bare token masked. */
    static String redacted(String url) {
        try {
            String userInfo = new URI(url).getRawUserInfo();
            if (userInfo == null) {
                return url;
            }
            int colon = userInfo.indexOf(':');
            return url.replace(userInfo + "@", (colon < 0 ? "***" : userInfo.substring(0, colon) + ":***") + "@");
        } catch (URISyntaxException notAUri) {
            return url;
        }
    }
}
