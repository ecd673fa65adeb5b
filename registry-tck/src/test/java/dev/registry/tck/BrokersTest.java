package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** Brokers follows what Testcontainers says of Docker on this machine; CI has no Docker engine, so processes. */
class BrokersTest {

    @Test
    void natsAndRedisComeFromWhereverTheDockerCheckPoints() throws IOException {
        boolean containers = DockerClientFactory.instance().isDockerAvailable();
        try (Broker nats = Brokers.nats(); Broker redis = Brokers.redis()) {
            assertEquals(!containers, nats instanceof LocalServer, "nats: " + nats.getClass().getSimpleName());
            assertEquals(!containers, redis instanceof LocalServer, "redis: " + redis.getClass().getSimpleName());
            assertAccepts(nats);
            assertAccepts(redis);
            assertEquals("nats://" + nats.host() + ":" + nats.port(), Brokers.natsUrl(nats));
            assertEquals("redis://" + redis.host() + ":" + redis.port(), Brokers.redisUrl(redis));
        }
    }

    private static void assertAccepts(Broker broker) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(broker.host(), broker.port()), 2_000);
        }
    }
}
