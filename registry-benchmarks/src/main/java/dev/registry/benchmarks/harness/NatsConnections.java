package dev.registry.benchmarks.harness;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;

/** Opens and closes the raw jnats connections of the baselines, with jnats' defaults. Stateless. */
final class NatsConnections {

    private NatsConnections() {
    }

    static Connection open(String url) {
        try {
            return Nats.connect(new Options.Builder().server(url).build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + url, e);
        }
    }

    static void close(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
