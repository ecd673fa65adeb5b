package dev.registry.spi;

/**
 * Receives the messages of one {@link TopicSubscription}. Called on a transport thread: it must not block.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param topic   the concrete topic the message was published on (never a wildcard)
     * @param payload the raw message body, possibly empty; owned by the handler
     */
    void onMessage(String topic, byte[] payload);
}
