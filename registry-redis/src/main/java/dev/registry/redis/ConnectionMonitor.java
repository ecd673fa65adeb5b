package dev.registry.redis;

import dev.registry.spi.ConnectionState;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the connect and disconnect events of a pubsub's Redis connections into the SPI's connection states:
 * {@link ConnectionState#DISCONNECTED} when the first of them drops, {@link ConnectionState#RECONNECTED} when
 * all are back and the subscriber's channels are confirmed by the server again.
 *
 * <p>Threading: Lettuce calls the links on its event loop; the monitor only updates its state under a lock
 * and passes states to {@code sink}, which must not block. After {@link #close()} nothing more is reported,
 * as closing the connections makes Lettuce report them disconnected.
 */
final class ConnectionMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final Consumer<ConnectionState> sink;
    private final List<Link> links = new ArrayList<>();
    private boolean reportedDown;
    private boolean closed;

    ConnectionMonitor(Consumer<ConnectionState> sink) {
        this.sink = sink;
    }

    /**
     * A listener to add to one connection. {@code whenBack} runs when the connection is up again and
     * completes when it is usable (the subscriber's resubscription), so RECONNECTED waits for it.
     */
    synchronized RedisConnectionStateListener link(String name, Supplier<CompletableFuture<Void>> whenBack) {
        Link link = new Link(name, whenBack);
        links.add(link);
        return link;
    }

    synchronized void close() {
        closed = true;
    }

    private synchronized void lost(Link link) {
        link.up = false;
        link.epoch++;
        if (!closed && !reportedDown) {
            reportedDown = true;
            sink.accept(ConnectionState.DISCONNECTED);
        }
    }

    private synchronized long epochOf(Link link) {
        return link.epoch;
    }

    /** Marks {@code link} usable unless it dropped again since {@code epoch}. */
    private synchronized void restored(Link link, long epoch) {
        if (link.epoch != epoch) {
            return;
        }
        link.up = true;
        if (!closed && reportedDown && links.stream().allMatch(other -> other.up)) {
            reportedDown = false;
            sink.accept(ConnectionState.RECONNECTED);
        }
    }

    /** The state of one Redis connection, told by Lettuce. */
    private final class Link implements RedisConnectionStateListener {
        private final String name;
        private final Supplier<CompletableFuture<Void>> whenBack;
        private boolean up = true;
        private long epoch;

        Link(String name, Supplier<CompletableFuture<Void>> whenBack) {
            this.name = name;
            this.whenBack = whenBack;
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
            long epoch = epochOf(this);
            LOG.debug("redis {} connection up to {}", name, socketAddress);
            whenBack.get().whenComplete((ignored, failure) -> {
                if (failure == null) {
                    restored(this, epoch);
                } else {
                    // the connection dropped again or refused the command: the next reconnect tries anew
                    LOG.debug("redis {} connection not usable after reconnect: {}", name, failure.toString());
                }
            });
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            LOG.debug("redis {} connection lost", name);
            lost(this);
        }
    }
}
