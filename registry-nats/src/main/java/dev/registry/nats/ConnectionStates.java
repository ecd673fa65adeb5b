package dev.registry.nats;

import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import io.nats.client.Connection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates jnats connection events into the SPI's {@link ConnectionState}s and tells the pubsub's listeners.
 *
 * <p>jnats reports {@code DISCONNECTED} again after every failed reconnect attempt and {@code RECONNECTED}
 * before it has sent the subscriptions again; the SPI wants one {@code DISCONNECTED} per outage and
 * {@code RECONNECTED} only once every subscription is back. So an outage starts with the first
 * {@code DISCONNECTED}, ends with {@code RESUBSCRIBED}, and repeats of {@code DISCONNECTED} inside it are dropped.
 *
 * <p>jnats calls {@link #connectionEvent} on its callback thread (one thread unless the connection's options
 * supply another executor); the transitions are synchronized so that even concurrent callbacks report each
 * state change once.
 */
final class ConnectionStates implements io.nats.client.ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionStates.class);

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final String description;
    private boolean down;
    private boolean closed;
    /** How many times jnats reported the subscriptions resent: tells one stretch of being up from the next. */
    private long resubscriptions;

    /**
     * @param initiallyDown whether the connection was already in an outage when the pubsub was created
     * @param description   what to name the connection in log lines
     */
    ConnectionStates(boolean initiallyDown, String description) {
        this.down = initiallyDown;
        this.description = description;
    }

    void add(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void connectionEvent(Connection connection, Events event, Long time, String server) {
        ConnectionState state = transition(event);
        if (state != null) {
            LOG.debug("{}: {} ({}) -> {}", description, event, server, state);
            tell(state);
        }
    }

    /** Required by the interface, which jnats no longer calls: it calls the variant with the server. */
    @Deprecated
    @Override
    public void connectionEvent(Connection connection, Events event) {
        connectionEvent(connection, event, System.currentTimeMillis(), null);
    }

    /**
     * Which stretch of being up the connection is in, as this class has heard of it: the number of
     * resubscriptions so far while the connection is up with every subscription resent, -1 during an outage
     * (and while the pubsub was created mid-outage) or once closed. Work that saw the same value before and
     * after it ran saw no reconnect in between, as far as jnats' callbacks, which lag its status a little, tell.
     */
    synchronized long upEpoch() {
        return down || closed ? -1 : resubscriptions;
    }

    /** Reports {@code CLOSED} unless jnats already did: the pubsub was closed by its owner. */
    void closedByPubsub() {
        if (transition(Events.CLOSED) != null) {
            tell(ConnectionState.CLOSED);
        }
    }

    /** The SPI state {@code event} moves to, or null when it changes nothing the SPI reports. */
    private synchronized ConnectionState transition(Events event) {
        if (closed) {
            return null;
        }
        switch (event) {
            case DISCONNECTED:
                if (down) {
                    return null;
                }
                down = true;
                return ConnectionState.DISCONNECTED;
            case RESUBSCRIBED:
                // reported even without a DISCONNECTED before it (the pubsub may have been created mid-outage):
                // telling a registry it is reconnected once too often only makes it re-announce
                down = false;
                resubscriptions++;
                return ConnectionState.RECONNECTED;
            case CLOSED:
                closed = true;
                return ConnectionState.CLOSED;
            default:
                return null;
        }
    }

    private void tell(ConnectionState state) {
        for (ConnectionListener listener : listeners) {
            try {
                listener.onConnectionState(state);
            } catch (RuntimeException e) {
                LOG.warn("{}: connection listener {} failed on {}", description, listener, state, e);
            }
        }
    }
}
