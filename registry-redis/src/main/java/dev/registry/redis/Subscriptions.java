package dev.registry.redis;

import dev.registry.spi.MessageHandler;
import dev.registry.spi.TopicSubscription;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPI subscriptions of one {@link RedisPubsub}, grouped by Redis channel or pattern: the first handler of
 * a channel sends SUBSCRIBE (or PSUBSCRIBE), the last one to leave sends UNSUBSCRIBE, so two SPI
 * subscriptions of one topic share one server subscription.
 *
 * <p>Threading: {@link #message} callbacks come from Lettuce's event loop and only look up the handlers and
 * hand the message to the handler thread. Adding and removing take a lock, so that the SUBSCRIBE and
 * UNSUBSCRIBE commands of one channel reach the connection in the order the table changed.
 */
final class Subscriptions extends RedisPubSubAdapter<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final RedisPubSubAsyncCommands<String, byte[]> commands;
    private final Executor handlerThread;
    private final Map<String, Entry> channels = new ConcurrentHashMap<>();
    private final Map<String, Entry> patterns = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    Subscriptions(RedisPubSubAsyncCommands<String, byte[]> commands, Executor handlerThread) {
        this.commands = commands;
        this.handlerThread = handlerThread;
    }

    /**
     * Adds {@code handler} for {@code filter}. Its {@link Handle#active()} completes when the server has
     * acknowledged the subscription of the channel (at once if another handler already holds it).
     */
    Handle add(TopicFilter filter, MessageHandler handler) {
        synchronized (lock) {
            Map<String, Entry> table = tableOf(filter);
            Entry entry = table.get(filter.redisName());
            if (entry == null) {
                entry = new Entry(filter, send(filter, true));
                table.put(filter.redisName(), entry);
            }
            Handle handle = new Handle(this, entry, handler);
            entry.add(handle);
            return handle;
        }
    }

    /**
     * Sends SUBSCRIBE and PSUBSCRIBE again for every channel and pattern held, completing when the server has
     * acknowledged them. Lettuce resubscribes by itself after a reconnect; this is the confirmation that it is
     * done, since commands on one connection are answered in order.
     */
    CompletableFuture<Void> resubscribeAll() {
        synchronized (lock) {
            List<CompletableFuture<Void>> acks = new ArrayList<>(2);
            try {
                if (!channels.isEmpty()) {
                    acks.add(commands.subscribe(channels.keySet().toArray(new String[0])).toCompletableFuture());
                }
                if (!patterns.isEmpty()) {
                    acks.add(commands.psubscribe(patterns.keySet().toArray(new String[0])).toCompletableFuture());
                }
            } catch (RuntimeException connectionGone) {
                return CompletableFuture.failedFuture(connectionGone);
            }
            return CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]));
        }
    }

    @Override
    public void message(String channel, byte[] payload) {
        Entry entry = channels.get(channel);
        if (entry != null) {
            entry.deliver(channel, payload, handlerThread);
        }
    }

    @Override
    public void message(String pattern, String channel, byte[] payload) {
        Entry entry = patterns.get(pattern);
        if (entry != null && entry.filter.matches(channel)) {
            entry.deliver(channel, payload, handlerThread);
        }
    }

    private void remove(Handle handle) {
        synchronized (lock) {
            Entry entry = handle.entry;
            if (entry.remove(handle) && tableOf(entry.filter).remove(entry.filter.redisName(), entry)) {
                send(entry.filter, false).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.debug("unsubscribing from {} failed: {}", entry.filter.redisName(), failure.toString());
                    }
                });
            }
        }
    }

    private CompletableFuture<Void> send(TopicFilter filter, boolean subscribe) {
        String name = filter.redisName();
        try {
            RedisFuture<Void> ack;
            if (filter.isPattern()) {
                ack = subscribe ? commands.psubscribe(name) : commands.punsubscribe(name);
            } else {
                ack = subscribe ? commands.subscribe(name) : commands.unsubscribe(name);
            }
            return ack.toCompletableFuture();
        } catch (RuntimeException connectionGone) {
            return CompletableFuture.failedFuture(connectionGone);
        }
    }

    private Map<String, Entry> tableOf(TopicFilter filter) {
        return filter.isPattern() ? patterns : channels;
    }

    /** One Redis channel or pattern and the handlers that share it. Handlers are an immutable list, replaced under the lock. */
    private static final class Entry {
        final TopicFilter filter;
        final CompletableFuture<Void> subscribed;
        private volatile List<Handle> handles = List.of();

        Entry(TopicFilter filter, CompletableFuture<Void> subscribed) {
            this.filter = filter;
            this.subscribed = subscribed;
        }

        void add(Handle handle) {
            List<Handle> grown = new ArrayList<>(handles);
            grown.add(handle);
            handles = List.copyOf(grown);
        }

        /** Removes {@code handle}; true when no handler is left. */
        boolean remove(Handle handle) {
            List<Handle> shrunk = new ArrayList<>(handles);
            shrunk.remove(handle);
            handles = List.copyOf(shrunk);
            return shrunk.isEmpty();
        }

        void deliver(String channel, byte[] payload, Executor handlerThread) {
            List<Handle> targets = handles;
            if (targets.isEmpty()) {
                return;
            }
            try {
                handlerThread.execute(() -> {
                    for (int i = 0; i < targets.size(); i++) {
                        // each handler owns its payload, so only the first gets the original array
                        targets.get(i).deliver(channel, i == 0 ? payload : payload.clone());
                    }
                });
            } catch (RejectedExecutionException closed) {
                // the pubsub closed while this message was in flight: dropped, as on a closed socket
            }
        }
    }

    /** One SPI subscription: a handler on an entry, live until unsubscribed. */
    static final class Handle implements TopicSubscription {
        private final Subscriptions owner;
        private final Entry entry;
        private final MessageHandler handler;
        private final AtomicBoolean live = new AtomicBoolean(true);

        private Handle(Subscriptions owner, Entry entry, MessageHandler handler) {
            this.owner = owner;
            this.entry = entry;
            this.handler = handler;
        }

        /** Completes when the server has acknowledged the channel's subscription. */
        CompletableFuture<Void> active() {
            return entry.subscribed;
        }

        @Override
        public void unsubscribe() {
            if (live.compareAndSet(true, false)) {
                owner.remove(this);
            }
        }

        private void deliver(String channel, byte[] payload) {
            if (!live.get()) {
                return;
            }
            try {
                handler.onMessage(channel, payload);
            } catch (RuntimeException failed) {
                LOG.debug("handler of {} threw on a message on {}", entry.filter.redisName(), channel, failed);
            }
        }
    }
}
