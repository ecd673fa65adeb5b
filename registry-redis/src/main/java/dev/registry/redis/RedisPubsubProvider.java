package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Redis transport for {@code Registry.connect(url)}; listed in
 * {@code META-INF/services/dev.registry.spi.PubsubProvider}. The URL forms:
 *
 * <table>
 *   <caption>Redis bus URLs</caption>
 *   <tr><th>URL</th><th>connects to</th></tr>
 *   <tr><td>{@code redis://[[user:]password@]host[:port][/database][?timeout=5s]}</td><td>one server (port 6379 by default)</td></tr>
 *   <tr><td>{@code rediss://...}</td><td>the same over TLS; the JDK trust store verifies the server unless
 *       {@code ?verifyPeer=CA} (no host name check) or {@code ?verifyPeer=NONE} (no check) is given</td></tr>
 *   <tr><td>{@code redis-sentinel://[[user:]password@]host[:port][,host[:port]...]#masterName}</td>
 *       <td>the master that the Sentinels name (port 26379 by default); {@code rediss-sentinel://} over TLS</td></tr>
 *   <tr><td>{@code redis-cluster://[[user:]password@]host:port[,host:port...][?options]}</td>
 *       <td>a Redis Cluster found from these seed nodes; {@code rediss-cluster://} over TLS. Lettuce has no
 *       such scheme: each node becomes a seed {@code redis://[user:password@]host:port[?options]}</td></tr>
 * </table>
 *
 * The user name, password and options ({@code timeout}, {@code clientName}, {@code verifyPeer}, ...) are
 * Lettuce's ({@code RedisURI}). The transport owns the Lettuce client it creates here, with its own
 * daemon threads named {@code registry-redis-client<n>-...}, and shuts both down when it is closed. After a
 * lost connection it retries after 100 ms, doubling up to {@link #RECONNECT_WAIT} (1 s).
 * Stateless and thread-safe.
 */
public final class RedisPubsubProvider implements PubsubProvider {

    private static final Logger LOG = LoggerFactory.getLogger(RedisPubsubProvider.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Longest wait between reconnect attempts of an owned client. Lettuce's default backoff grows to 30 s,
     * which would leave a registry blind for up to 30 s after a long broker outage; 100 ms doubling to 1 s
     * heals within about a second of the broker's return at the cost of one attempt a second while it is down.
     */
    public static final Duration RECONNECT_WAIT = Duration.ofSeconds(1);

    @Override
    public Set<String> schemes() {
        return Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-cluster", "rediss-cluster");
    }

    /**
     * Connects to the Redis at {@code uri}.
     *
     * @throws dev.registry.spi.TransportException if it cannot be reached or refuses the credentials; the
     *                                             message names the URL with its password masked
     * @throws IllegalArgumentException            if the URL is malformed
     */
    @Override
    public Pubsub connect(URI uri) {
        Objects.requireNonNull(uri, "uri");
        RedisUrl url = RedisUrl.parse(uri);
        ClientResources resources = DefaultClientResources.builder()
                .threadFactoryProvider(NamedThreads.forLettuceClient())
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_WAIT, 2, TimeUnit.MILLISECONDS))
                .build();
        if (url.isCluster()) {
            RedisClusterClient client = RedisClusterClient.create(resources, url.uris());
            return RedisPubsub.open(url.redacted(), () -> client.connectPubSub(RedisPubsub.CODEC), () -> shutDown(client, resources));
        }
        RedisClient client = RedisClient.create(resources, url.uris().get(0));
        return RedisPubsub.open(url.redacted(), () -> client.connectPubSub(RedisPubsub.CODEC), () -> shutDown(client, resources));
    }

    /** Closes an owned client, then its threads: Lettuce leaves resources passed to a client running. */
    private static void shutDown(AbstractRedisClient client, ClientResources resources) {
        try {
            client.shutdown(Duration.ZERO, SHUTDOWN_TIMEOUT);
        } finally {
            Future<Boolean> done = resources.shutdown(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                done.get(SHUTDOWN_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException failed) {
                LOG.debug("Lettuce threads did not stop cleanly: {}", failed.toString());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
