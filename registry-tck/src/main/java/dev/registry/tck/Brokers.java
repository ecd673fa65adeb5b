package dev.registry.tck;

import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Throw-away brokers, as the tests of every module start them.
 *
 * <p>{@link #nats()} and {@link #redis()} start {@code nats} and {@code redis} containers of the official images
 * (Testcontainers) whenever a Docker engine is reachable, and local {@code nats-server} and {@code redis-server}
 * processes on free loopback ports otherwise. The choice is made once per JVM, on first use, and printed to
 * {@code System.out}: {@code test brokers: Testcontainers} or {@code test brokers: local binaries (no Docker
 * engine)}.
 *
 * <p>{@link #natsProcess} and {@link #redisProcess} always start local processes. Fault tests need them even
 * where Docker runs: they SIGKILL and SIGSTOP the broker, watch its threads stop in {@code /proc}, and restart it
 * on the same port. A container is paused through the cgroup freezer rather than SIGSTOP, its process lives in a
 * PID namespace of its own (on another machine, for a remote engine), and a restarted one comes back on a newly
 * published port. Tests that hand the broker files of this machine (configuration, certificates) or a port
 * chosen in advance need a process too.
 *
 * <p>Thread-safe.
 */
public final class Brokers {

    private static final BrokerSource.Choice SOURCE = new BrokerSource.Choice(
            () -> DockerClientFactory.instance().isDockerAvailable(), System.out::println);

    private Brokers() {
    }

    /** A NATS server for a test that only talks to it: a container or a local process, as chosen (see above). */
    public static Broker nats() {
        return SOURCE.get() == BrokerSource.TESTCONTAINERS ? ContainerBroker.nats() : natsProcess();
    }

    /** A Redis server keeping nothing on disk, for a test that only talks to it: a container or a local process. */
    public static Broker redis() {
        return SOURCE.get() == BrokerSource.TESTCONTAINERS ? ContainerBroker.redis() : redisProcess();
    }

    /** A nats-server process on 127.0.0.1 with {@code extra} arguments (such as {@code --user u --pass p}). */
    public static LocalServer natsProcess(String... extra) {
        return LocalServer.start("nats-server", port -> with(List.of("-a", "127.0.0.1", "-p", String.valueOf(port)), extra));
    }

    /** A redis-server process on 127.0.0.1 keeping nothing on disk, with {@code extra} arguments. */
    public static LocalServer redisProcess(String... extra) {
        return LocalServer.start("redis-server", port -> redisArguments(port, extra));
    }

    /** The arguments of such a redis-server on {@code port}, for servers started on a chosen port. */
    public static List<String> redisArguments(int port, String... extra) {
        return with(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), extra);
    }

    /** {@code nats://host:port} of {@code broker}. */
    public static String natsUrl(Broker broker) {
        return "nats://" + broker.host() + ":" + broker.port();
    }

    /** {@code redis://host:port} of {@code broker}. */
    public static String redisUrl(Broker broker) {
        return "redis://" + broker.host() + ":" + broker.port();
    }

    private static List<String> with(List<String> arguments, String... extra) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(extra));
        return all;
    }
}
