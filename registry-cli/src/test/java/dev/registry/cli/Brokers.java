package dev.registry.cli;

import dev.registry.testkit.LocalServer;
import java.util.List;

/** The real brokers the CLI's tests run on: throw-away servers on free loopback ports. */
final class Brokers {

    private Brokers() {
    }

    static LocalServer nats() {
        return LocalServer.start("nats-server", port -> List.of("-a", "127.0.0.1", "-p", String.valueOf(port)));
    }

    static LocalServer redis() {
        return LocalServer.start("redis-server", port -> List.of("--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
    }

    static String natsUrl(LocalServer server) {
        return "nats://127.0.0.1:" + server.port();
    }

    static String redisUrl(LocalServer server) {
        return "redis://127.0.0.1:" + server.port();
    }
}
