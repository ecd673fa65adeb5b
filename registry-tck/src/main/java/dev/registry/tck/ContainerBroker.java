package dev.registry.tck;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a container of the official image, started by Testcontainers; its client port is published on a
 * free port of the Docker host. Not for fault tests: see {@link Brokers}.
 */
final class ContainerBroker implements Broker {

    private final GenericContainer<?> container;
    private final int clientPort;

    private ContainerBroker(GenericContainer<?> container, int clientPort) {
        this.container = container;
        this.clientPort = clientPort;
    }

    /** A nats-server in {@code nats:2.10-alpine}, with the image's own configuration. */
    static ContainerBroker nats() {
        return start(new GenericContainer<>(DockerImageName.parse("nats:2.10-alpine")), 4222);
    }

    /** A redis-server in {@code redis:7-alpine}, keeping nothing on disk as the local one does. */
    static ContainerBroker redis() {
        return start(new GenericContainer<>(DockerImageName.parse("redis:7-alpine"))
                .withCommand("redis-server", "--save", "", "--appendonly", "no"), 6379);
    }

    /** Starts {@code container} and waits, as Testcontainers does by default, until {@code clientPort} listens. */
    private static ContainerBroker start(GenericContainer<?> container, int clientPort) {
        container.withExposedPorts(clientPort).start();
        return new ContainerBroker(container, clientPort);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(clientPort);
    }

    @Override
    public void close() {
        container.stop();
    }
}
