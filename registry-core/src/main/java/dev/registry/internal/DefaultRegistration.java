package dev.registry.internal;

import dev.registry.Registration;
import dev.registry.Service;
import dev.registry.Status;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One own registration. Its monitor orders every message about the instance: a heartbeat, a ping answer or
 * a status change is published only while registered, and the unregister message is published under the
 * same monitor, so no register message can follow it on the wire (no phantom instance).
 */
final class DefaultRegistration implements Registration {

    /** Longest drain: long enough for any caller to move away, short enough to bound a shutdown. */
    static final Duration MAX_DRAIN = Duration.ofMinutes(10);

    private final Announcer announcer;
    private volatile Service service;
    /** The register message of {@link #service}; guarded by this object's monitor. */
    private RegisterTemplate message;
    private boolean registered = true;
    /** Set once {@link #drain} started; only its own unregister ends it. Guarded by this. */
    private boolean draining;
    /** Completes when the instance is unregistered, by whom ever. */
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    /** Ticker time of the next heartbeat; read and written by the heartbeat tick (and before publication). */
    private long nextBeat;
    /** A re-announce after an outage is scheduled: a ping meanwhile needs no answer of its own. */
    private volatile boolean reannouncePending;

    DefaultRegistration(Announcer announcer, Service service) {
        this.announcer = announcer;
        this.service = service;
    }

    @Override
    public Service service() {
        return service;
    }

    @Override
    public Status status() {
        return service.status();
    }

    @Override
    public synchronized void setStatus(Status status) {
        Objects.requireNonNull(status, "status");
        if (!registered) {
            throw new IllegalStateException("cannot set the status of " + service + ": it was unregistered");
        }
        if (draining && status != Status.DRAINING) {
            throw new IllegalStateException("cannot set the status of " + service + ": it is draining");
        }
        if (status != service.status()) {
            service = service.withStatus(status);
            announcer.publishRegister(message());
        }
    }

    /** As {@link #setStatus}, but a no-op once unregistered or draining (a health check racing them). */
    synchronized void updateStatus(Status status) {
        if (registered && !draining) {
            setStatus(status);
        }
    }

    @Override
    public CompletableFuture<Void> drain(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.compareTo(MAX_DRAIN) > 0) {
            throw new IllegalArgumentException("drain period must be between PT0S and " + MAX_DRAIN + ", but was " + period);
        }
        synchronized (this) {
            if (!registered) {
                throw new IllegalStateException("cannot drain " + service + ": it was unregistered");
            }
            if (!draining) {
                setStatus(Status.DRAINING);
                draining = true;
                announcer.later(this::unregister, period);
            }
        }
        return gone.copy();
    }

    @Override
    public synchronized boolean isRegistered() {
        return registered;
    }

    @Override
    public void unregister() {
        boolean unregistered;
        try {
            unregistered = unregisterOnce();
        } finally {
            gone.complete(null);
        }
        if (unregistered) {
            announcer.forget(this);
        }
    }

    private boolean unregisterOnce() {
        boolean unregistered;
        // Published under the monitor: a concurrent unregister (the registry's close(), say) waits until this
        // message is out, so it cannot close the transport under it.
        synchronized (this) {
            unregistered = retire();
            if (unregistered) {
                announcer.publishUnregister(service);
            }
        }
        return unregistered;
    }

    /** Under this object's monitor: the register message of the current service, encoded when it changed. */
    private RegisterTemplate message() {
        if (message == null || message.service() != service) {
            message = announcer.registerTemplate(service);
        }
        return message;
    }

    /** Publishes the instance if still registered (heartbeat, ping answer, re-announce). */
    synchronized void announce() {
        if (registered) {
            announcer.publishRegister(message());
        }
    }

    /** Marks a re-announce as scheduled (after an outage); {@link #reannounce()} performs it. */
    void reannounceLater() {
        reannouncePending = true;
    }

    /** The scheduled re-announce. */
    void reannounce() {
        reannouncePending = false;
        announce();
    }

    /** Answers a ping, unless a re-announce is about to go out anyway (a broker restart under many instances). */
    void answerPing() {
        if (!reannouncePending) {
            announce();
        }
    }

    long nextBeat() {
        return nextBeat;
    }

    void nextBeat(long nanoTime) {
        nextBeat = nanoTime;
    }

    /** Retires this registration because a newer one of the same instance replaced it: its drain, if any, is over. */
    void replaced() {
        retire();
        gone.complete(null);
    }

    /**
     * Stops announcing without publishing anything (replaced by a newer registration of the same instance).
     *
     * @return whether this call retired it (false when it already was)
     */
    synchronized boolean retire() {
        if (!registered) {
            return false;
        }
        registered = false;
        return true;
    }

    @Override
    public String toString() {
        return "Registration{" + service + (isRegistered() ? "" : ", unregistered") + "}";
    }

    /** What a registration needs from its registry. */
    interface Announcer {
        /** The register message of {@code service}, encoded once for all its heartbeats. */
        RegisterTemplate registerTemplate(Service service);

        void publishRegister(RegisterTemplate message);

        void publishUnregister(Service service);

        void forget(DefaultRegistration registration);

        /** Runs {@code task} after {@code delay} on a registry thread (at once if the registry is closing). */
        void later(Runnable task, Duration delay);
    }
}
