package dev.registry.spring;

import dev.registry.TransportException;
import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import java.time.Duration;
import java.util.Optional;

/**
 * The bus connection under the starter's registry, watched for the health indicator: the transport's
 * connection state, and a round trip on demand to tell a live bus from a stalled one whose connection still
 * looks open. The registry owns the connection and closes it; this bean never does.
 *
 * <p>Thread-safe: the transport reports its state on its own thread, {@link #problem} runs on the caller's.
 */
public final class RegistryBus implements ConnectionListener {

    private final Pubsub pubsub;
    private final String url;
    private volatile ConnectionState state;

    private RegistryBus(Pubsub pubsub, String url) {
        this.pubsub = pubsub;
        this.url = Transports.masked(url);
    }

    /**
     * Connects to the bus at {@code url} with the transport on the class path that handles its scheme.
     *
     * @throws IllegalArgumentException if no transport handles the URL
     * @throws TransportException if the bus cannot be reached
     */
    static RegistryBus connect(String url) {
        RegistryBus bus = new RegistryBus(Transports.connect(url), url);
        bus.pubsub.addConnectionListener(bus);
        return bus;
    }

    /** The transport, to hand to the registry, which then owns it. */
    Pubsub pubsub() {
        return pubsub;
    }

    /** The bus URL, credentials masked. */
    public String url() {
        return url;
    }

    /**
     * What is wrong with the bus now, or empty when it answers: the connection is lost or closed, or it did not
     * answer a round trip within {@code timeout} (the caller waits that long at most).
     */
    public Optional<String> problem(Duration timeout) {
        ConnectionState now = state;
        if (now == ConnectionState.DISCONNECTED) {
            return Optional.of("disconnected from " + url + "; the transport is reconnecting");
        }
        if (now == ConnectionState.CLOSED) {
            return Optional.of("the connection to " + url + " is closed");
        }
        try {
            pubsub.roundTrip(timeout);
            return Optional.empty();
        } catch (TransportException stalled) {
            return Optional.of("stalled: " + stalled.getMessage());
        }
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        this.state = state;
    }
}
