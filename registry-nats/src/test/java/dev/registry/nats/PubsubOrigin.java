package dev.registry.nats;

import dev.registry.tck.LocalServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The ways a {@link NatsPubsub} is made, for tests that must hold for each: on a connection it opens from a
 * URL or from {@link Options}, or on a caller's connection, with jnats' UTF-8 subject support off (its
 * default) or on, since jnats reads subjects differently in the two modes.
 */
enum PubsubOrigin {

    OWNED_FROM_URL,
    OWNED_FROM_OPTIONS_WITH_UTF8,
    CALLERS_CONNECTION,
    CALLERS_CONNECTION_WITH_UTF8;

    /** A pubsub and, when it runs on a caller's connection, that connection, closed after it. */
    record Opened(NatsPubsub pubsub, Connection callers) implements AutoCloseable {

        @Override
        public void close() {
            pubsub.close();
            if (callers != null) {
                try {
                    callers.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A pubsub of this origin on {@code server}. */
    Opened open(LocalServer server) {
        String url = NatsServer.url(server);
        switch (this) {
            case OWNED_FROM_URL:
                return new Opened(NatsPubsub.connect(url), null);
            case OWNED_FROM_OPTIONS_WITH_UTF8:
                return new Opened(NatsPubsub.connect(new Options.Builder().server(url).supportUTF8Subjects().build()), null);
            case CALLERS_CONNECTION:
                return callers(new Options.Builder().server(url).build());
            case CALLERS_CONNECTION_WITH_UTF8:
                return callers(new Options.Builder().server(url).supportUTF8Subjects().build());
            default:
                throw new AssertionError(this);
        }
    }

    private static Opened callers(Options options) {
        try {
            Connection connection = Nats.connect(options);
            return new Opened(NatsPubsub.of(connection), connection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
