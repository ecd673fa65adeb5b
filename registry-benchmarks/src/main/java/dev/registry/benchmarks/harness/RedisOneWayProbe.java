package dev.registry.benchmarks.harness;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;

/**
 * Lettuce PUBLISH on one connection to a SUBSCRIBE listener on another, the listener running on Lettuce's
 * event loop: the path a registry's message takes on Redis, without the registry. Not thread-safe.
 */
final class RedisOneWayProbe implements OneWayProbe {

    private static final String CHANNEL = "raw.oneway";
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, byte[]> publisher;
    private final StatefulRedisPubSubConnection<String, byte[]> subscriber;
    private final Arrivals arrivals = new Arrivals();

    RedisOneWayProbe(String url) {
        this.client = RedisClient.create(RedisURI.create(url));
        this.subscriber = client.connectPubSub(CODEC);
        this.publisher = client.connectPubSub(CODEC);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, byte[] message) {
                arrivals.arrived();
            }
        });
        subscriber.sync().subscribe(CHANNEL);
    }

    @Override
    public long sample(byte[] payload) {
        long sent = System.nanoTime();
        publisher.async().publish(CHANNEL, payload);
        return arrivals.next("raw Redis message") - sent;
    }

    @Override
    public void close() {
        publisher.close();
        subscriber.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
