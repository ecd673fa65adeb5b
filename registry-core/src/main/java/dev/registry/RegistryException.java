package dev.registry;

/** Root of every exception the registry throws. Unchecked: a registry failure is rarely recoverable in place. */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
