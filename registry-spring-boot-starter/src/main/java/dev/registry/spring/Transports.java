package dev.registry.spring;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Connects to a bus URL with the transport that handles its scheme, found on the class path as
 * {@code Registry.connect(url)} finds it. The starter connects the transport itself, rather than letting the
 * registry do it, so that it can watch the connection for the health indicator. Stateless.
 */
final class Transports {

    private Transports() {
    }

    /**
     * @throws IllegalArgumentException if the URL is not one, or no transport on the class path handles its
     *                                  scheme (the message names those that do)
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    static Pubsub connect(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        TreeSet<String> available = new TreeSet<>();
        for (PubsubProvider provider : ServiceLoader.load(PubsubProvider.class, Transports.class.getClassLoader())) {
            if (provider.schemes().contains(scheme)) {
                return provider.connect(uri);
            }
            available.addAll(provider.schemes());
        }
        throw new IllegalArgumentException("registry.url '" + masked(url) + "': no transport for scheme '" + scheme
                + "' on the class path; schemes available: " + available);
    }

    /** {@code url} without its credentials ({@code redis://:secret@host} as {@code redis://***@host}), to show. */
    static String masked(String url) {
        return url == null ? null : url.replaceFirst("://[^/@]*@", "://***@");
    }

    private static URI parse(String url) {
        if (url == null || !url.strip().matches("[A-Za-z][A-Za-z0-9+.-]*://.+")) {
            throw new IllegalArgumentException("registry.url '" + masked(url) + "' is not a URL with a scheme, such as nats://127.0.0.1:4222");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("registry.url '" + masked(url) + "' is not a valid URI", e);
        }
    }
}
