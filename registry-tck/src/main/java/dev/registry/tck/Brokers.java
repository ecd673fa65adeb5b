package dev.registry.tck;

import java.util.ArrayList;
import java.util.List;

/** Throw-away brokers on free loopback ports, as the tests of every module start them. */
public final class Brokers {

    private Brokers() {
    }

    /** A nats-server on 127.0.0.1 with {@code extra} arguments (such as {@code --user u --pass p}). */
    public static LocalServer nats(String... extra) {
        return LocalServer.start("nats-server", port -> with(List.of("-a", "127.0.0.1", "-p", String.valueOf(port)), extra));
    }

    /** A redis-server on 127.0.0.1 keeping nothing on disk, with {@code extra} arguments. */
    public static LocalServer redis(String... extra) {
        return LocalServer.start("redis-server", port -> redisArguments(port, extra));
    }

    /** The arguments of such a redis-server on {@code port}, for servers started on a chosen port. */
    public static List<String> redisArguments(int port, String... extra) {
        return with(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), extra);
    }

    public static String natsUrl(LocalServer server) {
        return "nats://127.0.0.1:" + server.port();
    }

    public static String redisUrl(LocalServer server) {
        return "redis://127.0.0.1:" + server.port();
    }

    private static List<String> with(List<String> arguments, String... extra) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(extra));
        return all;
    }
}
