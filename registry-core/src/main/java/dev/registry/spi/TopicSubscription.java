package dev.registry.spi;

/** A live subscription of a {@link Pubsub}. Unsubscribing is idempotent and thread-safe. */
public interface TopicSubscription {

    /** Stops delivery of further messages; messages already handed to the handler may still be processed. */
    void unsubscribe();
}
