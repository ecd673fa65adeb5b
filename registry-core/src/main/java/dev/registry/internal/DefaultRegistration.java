package dev.registry.internal;

import dev.registry.Registration;
import dev.registry.Service;
import dev.registry.Status;
import java.util.Objects;

/**
 * One own registration. Its monitor orders every message about the instance: a heartbeat, a ping answer or
 * a status change is published only while registered, and the unregister message is published under the
 * same monitor, so no register message can follow it on the wire (no phantom instance).
 */
final class DefaultRegistration implements Registration {

    private final Announcer announcer;
    private volatile Service service;
    private boolean registered = true;
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
        if (status != service.status()) {
            service = service.withStatus(status);
            announcer.publishRegister(service);
        }
    }

    /** As {@link #setStatus}, but a no-op once unregistered (a health check racing an unregister). */
    synchronized void updateStatus(Status status) {
        if (registered) {
            setStatus(status);
        }
    }

    @Override
    public synchronized boolean isRegistered() {
        return registered;
    }

    @Override
    public void unregister() {
        boolean unregistered;
        // Published under the monitor: a concurrent unregister (the registry's close(), say) waits until this
        // message is out, so it cannot close the transport under it.
        synchronized (this) {
            unregistered = retire();
            if (unregistered) {
                announcer.publishUnregister(service);
            }
        }
        if (unregistered) {
            announcer.forget(this);
        }
    }

    /** Publishes the instance if still registered (heartbeat, ping answer, re-announce). */
    synchronized void announce() {
        if (registered) {
            announcer.publishRegister(service);
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
        void publishRegister(Service service);

        void publishUnregister(Service service);

        void forget(DefaultRegistration registration);
    }
}
