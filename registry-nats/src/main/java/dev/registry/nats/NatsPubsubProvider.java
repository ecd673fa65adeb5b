package dev.registry.nats;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Lets {@code Registry.connect("nats://host:4222")} find this transport: handles the jnats URL schemes
 * {@code nats} and {@code tls}. A {@code tls://} URL trusts the JVM's default trust store (set it with the
 * {@code javax.net.ssl.trustStore} system properties for a private CA) and checks that the server's certificate
 * names the host of the URL. The URL goes to jnats as it is, so it may carry {@code user:password@} or
 * {@code token@}, and may list several servers separated by commas
 * ({@code nats://10.0.0.1:4222,nats://10.0.0.2:4222}), which jnats tries in random order and fails over
 * between, together with the servers the cluster tells it of. NKeys and credentials files have no URL form:
 * open the connection with {@link NatsPubsub#connect(io.nats.client.Options)} for those. The connection is
 * opened by {@link NatsPubsub#connect(String)}, with the options documented there.
 *
 * <p>Stateless and thread-safe; found through {@code META-INF/services/dev.registry.spi.PubsubProvider}.
 */
public final class NatsPubsubProvider implements PubsubProvider {

    private static final Set<String> SCHEMES = Set.of("nats", "tls");

    /** Called by {@link java.util.ServiceLoader}; users call {@code Registry.connect} instead. */
    public NatsPubsubProvider() {
    }

    @Override
    public Set<String> schemes() {
        return SCHEMES;
    }

    @Override
    public Pubsub connect(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("the NATS transport handles nats:// and tls:// URLs, but was given a "
                    + (scheme.isEmpty() ? "URL without scheme" : scheme + ":// URL"));
        }
        return NatsPubsub.connect(uri.toString());
    }
}
