package dev.registry.nats;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The error listener of the connections this module creates from a URL: sends jnats' reports to SLF4J
 * instead of jnats' default {@code java.util.logging} output, and remembers the last exception so that a
 * failed initial connect can say why (jnats' own exception only lists the servers).
 *
 * <p>Exceptions are logged at debug: during an outage jnats reports one per reconnect attempt, and the
 * outage itself is already reported as {@code DISCONNECTED}. Called on jnats' callback thread.
 */
final class Slf4jErrorListener implements ErrorListener {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jErrorListener.class);

    private volatile Exception lastException;

    /** The last exception jnats reported, or null. */
    Exception lastException() {
        return lastException;
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        LOG.warn("NATS server error on {}: {}", name(connection), error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        lastException = exception;
        LOG.debug("NATS connection {}: {}", name(connection), exception.toString());
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
        LOG.warn("NATS connection {}: slow consumer, messages are being dropped ({} pending)", name(connection),
                consumer.getPendingMessageCount());
    }

    @Override
    public void messageDiscarded(Connection connection, Message message) {
        LOG.debug("NATS connection {}: discarded a message on {}", name(connection), message.getSubject());
    }

    private static String name(Connection connection) {
        return connection.getOptions().getConnectionName();
    }
}
