package dev.registry.internal;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds the {@link PubsubProvider} for a URL's scheme among those on the class path. */
public final class PubsubProviders {

    private PubsubProviders() {
    }

    /** Connects to {@code url} with the provider registered for its scheme. */
    public static Pubsub connect(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("bus URL must not be blank, e.g. nats://127.0.0.1:4222 or mem://demo");
        }
        if (!url.contains("://")) {
            throw new IllegalArgumentException("bus URL '" + url + "' has no scheme; use e.g. nats://" + url.trim());
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bus URL '" + url + "' is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        TreeSet<String> available = new TreeSet<>();
        for (PubsubProvider provider : ServiceLoader.load(PubsubProvider.class, PubsubProviders.class.getClassLoader())) {
            if (provider.schemes().contains(scheme)) {
                return provider.connect(uri);
            }
            available.addAll(provider.schemes());
        }
        throw new IllegalArgumentException("no transport for scheme '" + scheme + "' in bus URL '" + url
                + "'; schemes on the class path: " + available
                + " (add registry-nats for nats://, registry-redis for redis://)");
    }
}
