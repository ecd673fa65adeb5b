package dev.registry;

/**
 * A listener registration returned by {@link Registry#observe}. Closing it stops further events to that
 * listener; it is idempotent and thread-safe.
 */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
