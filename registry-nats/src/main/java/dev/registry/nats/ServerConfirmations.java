package dev.registry.nats;

import dev.registry.spi.DaemonThreads;
import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.TransportException;
import io.nats.client.Connection;
import io.nats.client.Statistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirms, without blocking the caller, that the server has processed everything a connection sent so far:
 * the asynchronous counterpart of {@link Connection#flush}, for {@link NatsPubsub#subscribeAllAsync}.
 *
 * <p>jnats has no public asynchronous flush (the PING future behind {@code flush} is internal), so the flushes
 * run on one daemon thread of this class, {@code registry-nats-confirm-<n>}, started on demand and ended after
 * 5 s idle or by {@link #close()}; each waits at most the connection timeout. One flush confirms every
 * request made before it started.
 *
 * <p>During an outage no flush runs: jnats keeps the subscriptions and sends them again when it reconnects,
 * before anything published meanwhile, and only then reports {@code RESUBSCRIBED} (the SPI's
 * {@code RECONNECTED}). So a request made or interrupted by an outage waits, neither failed nor blocking a
 * thread, for that report and is confirmed by a flush after it, however long the outage lasts. A request
 * fails only when the connection or pubsub is closed, or when the server, connected, left a flush unanswered
 * for the whole connection timeout (a stalled server), as {@code subscribeAll} fails then.
 *
 * <p>A flush proves nothing across a reconnect: one started just before a reconnect can send its PING on the
 * new connection ahead of the resent subscriptions, and one made while too many PINGs are outstanding returns
 * at once without sending any (jnats then drops the connection). A flush counts only when jnats counted a PING
 * sent, no reconnect, and no {@code RESUBSCRIBED} in between; otherwise its requests wait for the next report.
 */
final class ServerConfirmations implements ConnectionListener {

    private static final AtomicInteger PUBSUB_IDS = new AtomicInteger();

    /** How long the thread outlives its last flush: long enough for a burst of first lookups to share it. */
    private static final long IDLE_MILLIS = 5_000;

    private final Connection connection;
    private final ConnectionStates states;
    private final String description;
    private final ThreadPoolExecutor thread;
    /** Requests for the next flush; guarded by {@code this}, as are the fields below. */
    private final List<CompletableFuture<Void>> due = new ArrayList<>();
    /** Requests that met an outage, waiting for the next {@code RESUBSCRIBED}. */
    private final List<CompletableFuture<Void>> parked = new ArrayList<>();
    private boolean flushQueued;
    private String closedReason;

    /**
     * @param states      the connection's state as the pubsub tracks it; this must also be added to it as a
     *                    listener, to hear of reconnects and of the connection's end
     * @param description what to name the connection in exception messages
     */
    ServerConfirmations(Connection connection, ConnectionStates states, String description) {
        this.connection = connection;
        this.states = states;
        this.description = description;
        this.thread = new ThreadPoolExecutor(1, 1, IDLE_MILLIS, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.numbered("registry-nats-confirm-" + PUBSUB_IDS.incrementAndGet() + "-"));
        thread.allowCoreThreadTimeOut(true);
    }

    /**
     * A future completed once the server has processed everything this connection sent before the call, or
     * failed with a {@link TransportException} as the class documentation says. Never blocks. The future is
     * completed on this class's thread: what depends on it should not block that thread for long, or it
     * delays the confirmations after it. A future the caller completes or cancels first is dropped.
     */
    CompletableFuture<Void> confirm() {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        synchronized (this) {
            if (closedReason != null) {
                confirmed.completeExceptionally(new TransportException(description + " " + closedReason));
                return confirmed;
            }
            due.add(confirmed);
            queueFlush();
        }
        return confirmed;
    }

    /** Releases the requests waiting for a reconnect; fails every request when the connection closed. */
    @Override
    public void onConnectionState(ConnectionState state) {
        if (state == ConnectionState.RECONNECTED) {
            release();
        } else if (state == ConnectionState.CLOSED) {
            close("is closed");
        }
    }

    /** Fails every request not yet confirmed and stops the thread, interrupting a flush. Idempotent. */
    void close() {
        close("is closed");
    }

    private void close(String reason) {
        List<CompletableFuture<Void>> unconfirmed;
        synchronized (this) {
            if (closedReason != null) {
                return;
            }
            closedReason = reason;
            unconfirmed = new ArrayList<>(due);
            unconfirmed.addAll(parked);
            due.clear();
            parked.clear();
        }
        thread.shutdownNow();
        fail(unconfirmed, new TransportException(description + " " + reason + " before the server confirmed"));
    }

    /** Holds the lock. */
    private void queueFlush() {
        if (!flushQueued && closedReason == null) {
            flushQueued = true;
            thread.execute(this::flushDue);
        }
    }

    private void flushDue() {
        List<CompletableFuture<Void>> batch;
        synchronized (this) {
            flushQueued = false;
            batch = pending(due);
            due.clear();
        }
        if (batch.isEmpty()) {
            return;
        }
        long epoch = states.upEpoch();
        if (epoch < 0) {
            park(batch, epoch);
            return;
        }
        Statistics statistics = connection.getStatistics();
        long pings = statistics.getPings();
        long reconnects = statistics.getReconnects();
        Duration timeout = connection.getOptions().getConnectionTimeout();
        try {
            connection.flush(timeout);
        } catch (TimeoutException e) {
            if (connection.getStatus() == Connection.Status.CLOSED) {
                // the batch in hand is in neither list that close() fails
                fail(batch, new TransportException(description + " is closed before the server confirmed", e));
                close("is closed");
            } else if (connection.getStatus() == Connection.Status.CONNECTED && states.upEpoch() == epoch
                    && statistics.getReconnects() == reconnects) {
                fail(batch, new TransportException(description + " did not confirm the subscriptions within "
                        + timeout.toMillis() + " ms", e));
            } else {
                park(batch, epoch); // the connection dropped during the flush: wait for it to come back
            }
            return;
        } catch (InterruptedException e) {
            // only close() interrupts this thread; the batch in hand is in neither of its lists, so fail it here
            fail(batch, new TransportException(description + " is closed before the server confirmed", e));
            return;
        }
        if (statistics.getPings() > pings && statistics.getReconnects() == reconnects && states.upEpoch() == epoch) {
            batch.forEach(confirmed -> confirmed.complete(null));
        } else {
            park(batch, epoch);
        }
    }

    /**
     * Keeps {@code batch} for the next {@code RESUBSCRIBED}; flushes it at once if one came since the flush
     * saw {@code epoch}, as its report may have been told before the batch was parked.
     */
    private void park(List<CompletableFuture<Void>> batch, long epoch) {
        synchronized (this) {
            if (closedReason == null) {
                parked.addAll(batch);
                batch = List.of();
            }
        }
        if (!batch.isEmpty()) {
            fail(batch, new TransportException(description + " is closed before the server confirmed"));
            return;
        }
        long now = states.upEpoch();
        if (now >= 0 && now != epoch) {
            release();
        }
    }

    private void release() {
        synchronized (this) {
            due.addAll(pending(parked));
            parked.clear();
            if (!due.isEmpty()) {
                queueFlush();
            }
        }
    }

    /** The futures of {@code requests} that nobody completed or cancelled yet. */
    private static List<CompletableFuture<Void>> pending(List<CompletableFuture<Void>> requests) {
        List<CompletableFuture<Void>> pending = new ArrayList<>(requests.size());
        for (CompletableFuture<Void> request : requests) {
            if (!request.isDone()) {
                pending.add(request);
            }
        }
        return pending;
    }

    private static void fail(List<CompletableFuture<Void>> batch, TransportException failure) {
        batch.forEach(confirmed -> confirmed.completeExceptionally(failure));
    }
}
