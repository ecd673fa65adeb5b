package dev.registry.spi;

import dev.registry.RegistryException;

/** A transport could not connect, publish or subscribe. */
public class TransportException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
