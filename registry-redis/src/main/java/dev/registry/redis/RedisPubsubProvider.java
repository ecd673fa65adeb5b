package dev.registry.redis;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.ClusterClientOptions;
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
import java.util.function.Consumer;
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
 * lost connection it retries after 100 ms, doubling up to {@link #RECONNECT_WAIT} (1 s). Each of its
 * connections holds at most {@link #COMMAND_QUEUE_LIMIT} commands not yet sent or answered, so that messages
 * published during an outage cannot grow memory without limit. Stateless and thread-safe.
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

    /**
     * Most commands one connection of an owned client holds, buffered while disconnected or sent and not yet
     * answered (Lettuce's {@code requestQueueSize}, unbounded by default). Past it Lettuce refuses the command at
     * once and {@link RedisPubsub#publish} throws a {@code TransportException}; it never blocks.
     *
     * <p>Why 100,000: a registry publishes about one message per registration and register interval (20 s by
     * default), and re-announces every registration at once when the bus is back, so the limit must hold that
     * burst on top of an outage's heartbeats, with room to spare: 100,000 is a minute of heartbeats of 30,000
     * registrations at the default interval. Lettuce also drops a buffered command once the command timeout
     * (60 s by default) has passed, so the count only binds for a fast publisher. A buffered PUBLISH takes about
     * 600 bytes of Lettuce's command objects plus its payload (measured with Lettuce 6.8), so the limit caps an
     * outage's buffer near 100 MB for registry messages of a few hundred bytes; a smaller limit would refuse
     * legitimate re-announcement bursts of large processes. Messages refused past it are not lost for good, as
     * the registry republishes its state once the bus is back.
     */
    public static final int COMMAND_QUEUE_LIMIT = 100_000;

    private final int commandQueueLimit;
    private final Consumer<ClientResources.Builder> resourceSettings;

    /** The provider {@code Registry.connect(url)} finds through the {@code ServiceLoader}. */
    public RedisPubsubProvider() {
        this(COMMAND_QUEUE_LIMIT, resources -> { });
    }

    /**
     * For tests: a smaller {@code commandQueueLimit} to reach it quickly, and {@code resourceSettings} applied
     * to the owned client's resources last (a test's address resolver).
     */
    RedisPubsubProvider(int commandQueueLimit, Consumer<ClientResources.Builder> resourceSettings) {
        if (commandQueueLimit < 1) {
            throw new IllegalArgumentException("commandQueueLimit must be positive: " + commandQueueLimit);
        }
        this.commandQueueLimit = commandQueueLimit;
        this.resourceSettings = Objects.requireNonNull(resourceSettings, "resourceSettings");
    }

    @Override
    public Set<String> schemes() {
        return Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-cluster", "rediss-cluster");
    }

    /**
     * Connects to the Redis at {@code uri}.
     *
     * @throws dev.registry.TransportException if it cannot be reached or refuses the credentials; the
     *                                             message names the URL with its password masked
     * @throws IllegalArgumentException            if the URL is malformed
     */
    @Override
    public Pubsub connect(URI uri) {
        Objects.requireNonNull(uri, "uri");
        RedisUrl url = RedisUrl.parse(uri);
        ClientResources.Builder settings = DefaultClientResources.builder()
                .threadFactoryProvider(NamedThreads.forLettuceClient())
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_WAIT, 2, TimeUnit.MILLISECONDS));
        resourceSettings.accept(settings);
        ClientResources resources = settings.build();
        if (url.isCluster()) {
            RedisClusterClient client = RedisClusterClient.create(resources, url.uris());
            client.setOptions(ClusterClientOptions.builder().requestQueueSize(commandQueueLimit).build());
            return RedisPubsub.open(url.redacted(), () -> client.connectPubSub(RedisPubsub.CODEC), () -> shutDown(client, resources));
        }
        RedisClient client = RedisClient.create(resources, url.uris().get(0));
        client.setOptions(ClientOptions.builder().requestQueueSize(commandQueueLimit).build());
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
