package dev.registry.redis;

import dev.registry.spi.MessageHandler;
import dev.registry.spi.TopicSubscription;
import dev.registry.TransportException;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPI subscriptions of one {@link RedisPubsub}, grouped by Redis channel or pattern: the first handler of
 * a channel sends SUBSCRIBE (or PSUBSCRIBE), the last one to leave sends UNSUBSCRIBE, so two SPI
 * subscriptions of one topic share one server subscription.
 *
 * <h2>Confirmation</h2>
 * A channel's {@link Handle#active()} completes when Redis has answered a SUBSCRIBE of it that was sent while
 * the channel was in the table: the one {@link #add} sent, a {@link #resubscribeAll} after a reconnect, or a
 * retry. Redis answers one connection's commands in order, so such an answer means that every UNSUBSCRIBE of an
 * earlier holder of the name has been handled before it. While the connection is down, a SUBSCRIBE waits in
 * Lettuce's buffer and is sent on reconnect; if Lettuce expires it first (its command timeout, on by default)
 * the channel stays pending rather than failing, because the {@link #resubscribeAll} that follows every
 * reconnect names every channel of the table, confirmed or not. Redis treats a second SUBSCRIBE of a channel
 * on one connection as a no-op, so the queued command and the resubscription together still make one server
 * subscription. A channel fails only for a real error: Redis refusing the command, the transport closed, or a
 * lost connection on a client that does not reconnect.
 *
 * <p>A channel whose last handler left is released with UNSUBSCRIBE even if it was never confirmed. Should
 * Redis confirm a subscription of a name the table no longer holds (the UNSUBSCRIBE expired in Lettuce's buffer
 * during a long outage while Lettuce's own resubscription, which covers every channel Redis had confirmed,
 * went out on reconnect), it is unsubscribed again, so nothing leaks.
 *
 * <p>Threading: {@link #message} and the subscribe callbacks come from Lettuce's event loop and only look up
 * the table and hand work to the handler thread. Adding and removing take a lock, so that the SUBSCRIBE and
 * UNSUBSCRIBE commands of one channel reach the connection in the order the table changed. Code that completes
 * a Lettuce command (which may run while Lettuce holds its endpoint's write lock) never takes that lock: what
 * needs it is passed to the handler thread, or else a thread adding a channel under the lock and waiting for
 * Lettuce's write lock could deadlock with it.
 */
final class Subscriptions extends RedisPubSubAdapter<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /**
     * Wait before sending a SUBSCRIBE again that failed while connected (a command timeout against a paused
     * server, Lettuce's queue full): long enough not to spin, short against the outage it follows.
     */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    private final StatefulRedisPubSubConnection<String, byte[]> connection;
    private final RedisPubSubAsyncCommands<String, byte[]> commands;
    private final Executor handlerThread;
    private final Map<String, Entry> channels = new ConcurrentHashMap<>();
    private final Map<String, Entry> patterns = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private volatile boolean closed;

    Subscriptions(StatefulRedisPubSubConnection<String, byte[]> connection, Executor handlerThread) {
        this.connection = connection;
        this.commands = connection.async();
        this.handlerThread = handlerThread;
    }

    /**
     * Adds {@code handler} for {@code filter}. Its {@link Handle#active()} completes when the server has
     * acknowledged the subscription of the channel (at once if another handler already holds it confirmed).
     *
     * @throws TransportException if {@link #close()} was called
     */
    Handle add(TopicFilter filter, MessageHandler handler) {
        synchronized (lock) {
            if (closed) {
                throw new TransportException("the transport is closed");
            }
            Map<String, Entry> table = tableOf(filter);
            Entry entry = table.get(filter.redisName());
            if (entry == null) {
                entry = new Entry(filter);
                table.put(filter.redisName(), entry);
                confirmBy(entry, send(filter.redisName(), filter.isPattern(), true));
            }
            Handle handle = new Handle(this, entry, handler);
            entry.add(handle);
            return handle;
        }
    }

    /**
     * Sends SUBSCRIBE and PSUBSCRIBE again for every channel and pattern held, confirmed or still pending,
     * completing when the server has acknowledged them. Lettuce resubscribes by itself after a reconnect, but
     * only to what Redis had confirmed: this also covers channels added while disconnected, and its answer is
     * the confirmation that the connection is usable again, since commands on one connection are answered in
     * order.
     */
    CompletableFuture<Void> resubscribeAll() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(2);
            for (Map<String, Entry> table : List.of(channels, patterns)) {
                if (table.isEmpty()) {
                    continue;
                }
                boolean pattern = table == patterns;
                List<Entry> held = List.copyOf(table.values());
                CompletableFuture<Void> ack = send(held.stream().map(entry -> entry.filter.redisName()).toArray(String[]::new),
                        pattern, true);
                held.stream().filter(entry -> !entry.confirmed.isDone()).forEach(entry -> confirmBy(entry, ack));
                acks.add(ack);
            }
            return CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]));
        }
    }

    /**
     * Fails every channel still waiting for its confirmation and refuses new ones; called by
     * {@link RedisPubsub#close()} before it closes the connection.
     */
    void close() {
        List<Entry> pending = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            for (Map<String, Entry> table : List.of(channels, patterns)) {
                table.values().stream().filter(entry -> !entry.confirmed.isDone()).forEach(pending::add);
            }
        }
        TransportException closedMeanwhile = new TransportException("the transport was closed before Redis confirmed the subscription");
        pending.forEach(entry -> entry.confirmed.completeExceptionally(closedMeanwhile));
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

    @Override
    public void subscribed(String channel, long count) {
        releaseIfStray(channel, false);
    }

    @Override
    public void psubscribed(String pattern, long count) {
        releaseIfStray(pattern, true);
    }

    /**
     * Redis confirmed a subscription: if no handler holds the name, sends UNSUBSCRIBE. Usually the confirmation
     * of a SUBSCRIBE whose UNSUBSCRIBE is already on its way (a second one is harmless); after a long outage it
     * may be Lettuce's own resubscription of a channel released while disconnected, whose UNSUBSCRIBE expired.
     */
    private void releaseIfStray(String name, boolean pattern) {
        Map<String, Entry> table = pattern ? patterns : channels;
        if (closed || table.containsKey(name)) {
            return;
        }
        onHandlerThread(() -> {
            synchronized (lock) {
                // checked again under the lock: a handler added since sent its SUBSCRIBE, which must not be undone
                if (!closed && !table.containsKey(name)) {
                    LOG.debug("Redis confirmed {} which no handler holds; unsubscribing", name);
                    logFailure(send(name, pattern, false), name);
                }
            }
        });
    }

    private void remove(Handle handle) {
        synchronized (lock) {
            Entry entry = handle.entry;
            if (entry.remove(handle) && tableOf(entry.filter).remove(entry.filter.redisName(), entry) && !closed) {
                logFailure(send(entry.filter.redisName(), entry.filter.isPattern(), false), entry.filter.redisName());
            }
        }
    }

    /** Completes {@code entry} when {@code ack} succeeds; a failure fails it only if it is final. */
    private void confirmBy(Entry entry, CompletableFuture<Void> ack) {
        ack.whenComplete((ignored, failure) -> {
            if (failure == null) {
                entry.confirmed.complete(null);
            } else {
                afterFailedAttempt(entry, failure);
            }
        });
    }

    /**
     * Decides what a failed SUBSCRIBE means for {@code entry}. Runs wherever Lettuce completed the command, so it
     * takes no lock; a retry goes through the handler thread.
     */
    private void afterFailedAttempt(Entry entry, Throwable failure) {
        if (entry.confirmed.isDone()) {
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (closed || connectionClosed()) {
            entry.confirmed.completeExceptionally(new TransportException("the Redis connection was closed", cause));
        } else if (cause instanceof RedisCommandExecutionException) {
            // Redis answered with an error (an ACL refusing the channel, say): sending it again would not help
            entry.confirmed.completeExceptionally(cause);
        } else if (!connection.isOpen() && !connection.getOptions().isAutoReconnect()) {
            entry.confirmed.completeExceptionally(new TransportException(
                    "disconnected from Redis, and the client does not reconnect (autoReconnect is off)", cause));
        } else {
            // expired in Lettuce's buffer during an outage, timed out against a paused server, queue full, ...:
            // the resubscription after the reconnect or a retry confirms it
            LOG.debug("subscribing to {} not confirmed yet: {}", entry.filter.redisName(), cause.toString());
            retryLater(entry);
        }
    }

    /**
     * Sends SUBSCRIBE again for a still pending {@code entry} if the connection is up; while it is down, the
     * {@link #resubscribeAll} of the next reconnect sends it instead. If the reconnect came between the failure
     * and this check, both are sent, which Redis treats as one.
     */
    private void retry(Entry entry) {
        synchronized (lock) {
            if (closed || entry.confirmed.isDone() || tableOf(entry.filter).get(entry.filter.redisName()) != entry
                    || !connection.isOpen()) {
                return;
            }
            confirmBy(entry, send(entry.filter.redisName(), entry.filter.isPattern(), true));
        }
    }

    /**
     * Schedules {@link #retry} on the client's own Lettuce threads (no thread of another name is started for it),
     * which hand it to the handler thread, as it takes the lock.
     */
    private void retryLater(Entry entry) {
        try {
            connection.getResources().eventExecutorGroup().schedule(() -> onHandlerThread(() -> retry(entry)),
                    RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            // the client is shutting down: nothing to retry on
        }
    }

    private boolean connectionClosed() {
        return connection instanceof RedisChannelHandler<?, ?> handler && handler.isClosed();
    }

    private CompletableFuture<Void> send(String name, boolean pattern, boolean subscribe) {
        return send(new String[] {name}, pattern, subscribe);
    }

    private CompletableFuture<Void> send(String[] names, boolean pattern, boolean subscribe) {
        try {
            RedisFuture<Void> ack;
            if (pattern) {
                ack = subscribe ? commands.psubscribe(names) : commands.punsubscribe(names);
            } else {
                ack = subscribe ? commands.subscribe(names) : commands.unsubscribe(names);
            }
            return ack.toCompletableFuture();
        } catch (RuntimeException connectionGone) {
            return CompletableFuture.failedFuture(connectionGone);
        }
    }

    private static void logFailure(CompletableFuture<Void> unsubscribed, String name) {
        unsubscribed.whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debug("unsubscribing from {} failed: {}", name, failure.toString());
            }
        });
    }

    /** Runs {@code task} on the handler thread, or here if that has been shut down (the transport closed). */
    private void onHandlerThread(Runnable task) {
        try {
            handlerThread.execute(task);
        } catch (RejectedExecutionException shutDown) {
            task.run();
        }
    }

    private Map<String, Entry> tableOf(TopicFilter filter) {
        return filter.isPattern() ? patterns : channels;
    }

    /** One Redis channel or pattern and the handlers that share it. Handlers are an immutable list, replaced under the lock. */
    private static final class Entry {
        final TopicFilter filter;
        /** Completed once by the first SUBSCRIBE answered for this entry, or failed by a final error. */
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        private volatile List<Handle> handles = List.of();

        Entry(TopicFilter filter) {
            this.filter = filter;
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

        /**
         * Completes when the server has acknowledged the channel's subscription; fails only for a final error.
         * Shared by every handle of the channel: only to be read, never completed.
         */
        CompletableFuture<Void> active() {
            return entry.confirmed;
        }

        /** Releases the handler; the last one of a channel unsubscribes it, confirmed or still pending. Idempotent. */
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
