package dev.registry;

import org.jspecify.annotations.Nullable;

/** Root of every exception the registry throws. Unchecked: a registry failure is rarely recoverable in place. */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what went wrong and what to do. */
    public RegistryException(String message) {
        super(message);
    }

    /** An exception saying what went wrong, with the exception that caused it. */
    public RegistryException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
