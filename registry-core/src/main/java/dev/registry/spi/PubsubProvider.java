package dev.registry.spi;

import dev.registry.TransportException;
import java.net.URI;
import java.util.Set;

/**
 * Creates a {@link Pubsub} from a URL, so that {@code Registry.connect("nats://host:4222")} finds its
 * transport on the class path. Implementations are listed in
 * {@code META-INF/services/dev.registry.spi.PubsubProvider} and must have a public no-argument constructor.
 */
public interface PubsubProvider {

    /** The URL schemes this provider handles, lower case, such as {@code nats} and {@code tls}. */
    Set<String> schemes();

    /**
     * Connects to the bus at {@code uri}. The returned transport owns what it created and closes it in
     * {@link Pubsub#close()}.
     *
     * @throws TransportException       if the bus cannot be reached
     * @throws IllegalArgumentException if the URI is malformed for this transport
     */
    Pubsub connect(URI uri);
}
