package dev.registry.redis;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Starts redis-server processes for the tests on free loopback ports, and talks to them as an operator would. */
final class RedisServers {

    /** Threads shared by every admin connection of the test run (daemon threads, Lettuce's own names). */
    private static final ClientResources ADMIN_THREADS = DefaultClientResources.create();

    private RedisServers() {
    }

    /** A throw-away standalone server: no persistence, loopback only, plus {@code extra} arguments. */
    static LocalServer standalone(String... extra) {
        return Brokers.redisProcess(extra);
    }

    /** The arguments of a throw-away server on {@code port}. */
    static List<String> arguments(int port, String... extra) {
        return Brokers.redisArguments(port, extra);
    }

    /** {@code redis://host:port} of {@code server}. */
    static String url(Broker server) {
        return Brokers.redisUrl(server);
    }

    /** Runs {@code command} on a fresh admin connection to {@code uri} (not a transport under test). */
    static <T> T admin(RedisURI uri, Function<StatefulRedisConnection<String, String>, T> command) {
        RedisClient client = RedisClient.create(ADMIN_THREADS, uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return command.apply(connection);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    static <T> T admin(int port, Function<StatefulRedisConnection<String, String>, T> command) {
        return admin(RedisURI.create("127.0.0.1", port), command);
    }

    /** How many connections of the server carry the client name {@code name}. */
    static long clientsNamed(int port, String name) {
        String list = admin(port, connection -> connection.sync().clientList());
        return list.lines().filter(line -> line.contains(" name=" + name + " ")).count();
    }

    /** How many subscribers the server has for {@code channel}. */
    static long subscribers(int port, String channel) {
        return admin(port, connection -> connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L));
    }
}
