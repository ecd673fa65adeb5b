package dev.registry;

/**
 * Thrown by a call on a registry that is closed, and by every call that was still waiting (a lookup, an
 * {@code await}, an async lookup's future) when the registry was closed: {@code close()} releases them all at
 * once with this exception rather than letting them run out their timeouts.
 */
public class RegistryClosedException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** An exception saying what could not be done because the registry is closed. */
    public RegistryClosedException(String message) {
        super(message);
    }
}
