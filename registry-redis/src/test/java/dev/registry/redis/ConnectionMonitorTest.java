package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.spi.ConnectionState;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The state logic alone, driven as Lettuce's event loop drives it (the connection argument is not used). */
class ConnectionMonitorTest {

    private final List<ConnectionState> reported = new ArrayList<>();
    private final ConnectionMonitor monitor = new ConnectionMonitor(reported::add);
    private final AtomicReference<CompletableFuture<Void>> resubscribed = new AtomicReference<>();
    private final RedisConnectionStateListener subscriber = monitor.link("subscribe", () -> {
        resubscribed.set(new CompletableFuture<>());
        return resubscribed.get();
    });
    private final RedisConnectionStateListener publisher = monitor.link("publish", () -> CompletableFuture.completedFuture(null));
    private final InetSocketAddress address = InetSocketAddress.createUnresolved("127.0.0.1", 6379);

    @Test
    void reconnectedOnlyWhenBothAreBackAndTheSubscriptionsConfirmed() {
        subscriber.onRedisDisconnected(null);
        publisher.onRedisDisconnected(null);
        assertEquals(List.of(ConnectionState.DISCONNECTED), reported, "one report for the outage");

        subscriber.onRedisConnected(null, address);
        publisher.onRedisConnected(null, address);
        assertEquals(List.of(ConnectionState.DISCONNECTED), reported, "resubscription not yet confirmed");

        resubscribed.get().complete(null);
        assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED), reported);
    }

    @Test
    void aConfirmationFromBeforeTheLatestDropIsIgnored() {
        subscriber.onRedisDisconnected(null);
        subscriber.onRedisConnected(null, address);
        CompletableFuture<Void> stale = resubscribed.get();
        subscriber.onRedisDisconnected(null);
        stale.complete(null);
        assertEquals(List.of(ConnectionState.DISCONNECTED), reported);

        subscriber.onRedisConnected(null, address);
        resubscribed.get().complete(null);
        assertEquals(List.of(ConnectionState.DISCONNECTED, ConnectionState.RECONNECTED), reported);
    }

    @Test
    void afterCloseNothingIsReported() {
        monitor.close();
        subscriber.onRedisDisconnected(null);
        assertEquals(List.of(), reported);
    }

    @Test
    void aFailedResubscriptionWaitsForTheNextReconnect() {
        publisher.onRedisDisconnected(null);
        subscriber.onRedisDisconnected(null);
        publisher.onRedisConnected(null, address);
        subscriber.onRedisConnected(null, address);
        resubscribed.get().completeExceptionally(new IllegalStateException("connection dropped again"));
        assertEquals(List.of(ConnectionState.DISCONNECTED), reported);
    }
}
