package dev.registry;

import org.jspecify.annotations.Nullable;

/**
 * The bus could not be reached or refused an operation: {@code Registry.connect} could not connect (the message
 * names the URL, secrets masked, and what to check), or a transport could not publish or subscribe. Thrown by
 * transports (the {@code dev.registry.spi} package) and seen by users at {@code connect}; a
 * {@link RegistryException} like every exception of the registry.
 */
public class TransportException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what could not be done on which bus. */
    public TransportException(String message) {
        super(message);
    }

    /** An exception saying what could not be done on which bus, and the transport's own exception. */
    public TransportException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
