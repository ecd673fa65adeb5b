package dev.registry.nats;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a nats-server process of a test's own on a free loopback port, for the tests of this transport that
 * kill, pause or configure it; the contract suites take {@code Brokers.nats()}, a container where Docker runs.
 */
final class NatsServer {

    private NatsServer() {
    }

    /** A nats-server on 127.0.0.1 with {@code extraArguments} (such as {@code --user u --pass p}). */
    static LocalServer start(String... extraArguments) {
        return Brokers.natsProcess(extraArguments);
    }

    /**
     * A nats-server on 127.0.0.1 that reads {@code configuration} (nats-server's configuration syntax, for what
     * has no command-line flag, such as NKey users or an operator) from a file in {@code directory}.
     */
    static LocalServer startWithConfiguration(Path directory, String configuration) {
        try {
            Path file = Files.createTempFile(directory, "nats-server-", ".conf");
            Files.writeString(file, configuration);
            return start("-c", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nats://host:port} of {@code server}. */
    static String url(Broker server) {
        return Brokers.natsUrl(server);
    }
}
