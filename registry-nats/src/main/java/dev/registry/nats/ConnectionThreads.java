package dev.registry.nats;

import dev.registry.spi.DaemonThreads;
import io.nats.client.Options;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a connection opened from a URL. jnats' own threads are not daemons (an open connection keeps
 * the JVM alive) and partly unnamed; these are daemons named {@code registry-nats-<id>-<role>-<n>}, like
 * every other thread of the library, and end when the pubsub closes.
 *
 * <p>Roles, each as jnats sizes its own pool: {@code io} runs the socket reader and writer and the
 * dispatchers (one thread per task); {@code timer} the pings and cleanups; {@code events} the connection and
 * error callbacks, on one thread so that they stay in order; {@code connect} the connection handshakes.
 */
final class ConnectionThreads {

    private static final AtomicInteger IDS = new AtomicInteger();

    /** How long {@link #shutdown()} lets queued callbacks run. */
    private static final long CALLBACK_GRACE_MILLIS = 1_000;

    private final ExecutorService io;
    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService events;
    private final ExecutorService connects;

    ConnectionThreads() {
        String prefix = "registry-nats-" + IDS.incrementAndGet() + "-";
        io = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 500, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                DaemonThreads.numbered(prefix + "io-"));
        timers = new ScheduledThreadPoolExecutor(3, DaemonThreads.numbered(prefix + "timer-"));
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        events = Executors.newSingleThreadExecutor(DaemonThreads.numbered(prefix + "events-"));
        connects = Executors.newSingleThreadExecutor(DaemonThreads.numbered(prefix + "connect-"));
    }

    /** {@code builder} running its connection on these threads. jnats leaves executors it was given running. */
    Options.Builder applyTo(Options.Builder builder) {
        return builder.executor(io).scheduledExecutor(timers).callbackExecutor(events).connectExecutor(connects);
    }

    /**
     * Stops every thread, once the connection is closed. Callbacks already queued run first (for at most 1 s),
     * so an error listener has heard everything jnats reported.
     */
    void shutdown() {
        events.shutdown();
        try {
            events.awaitTermination(CALLBACK_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.shutdownNow();
        connects.shutdownNow();
        timers.shutdownNow();
        io.shutdownNow();
    }
}
