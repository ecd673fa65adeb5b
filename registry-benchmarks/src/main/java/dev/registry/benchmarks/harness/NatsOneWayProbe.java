package dev.registry.benchmarks.harness;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * jnats publish on one connection to a dispatcher subscription on another: the path a registry's message
 * takes on NATS, without the registry. Not thread-safe.
 */
final class NatsOneWayProbe implements OneWayProbe {

    private static final String SUBJECT = "raw.oneway";

    private final Connection publisher;
    private final Connection subscriber;
    private final Arrivals arrivals = new Arrivals();

    NatsOneWayProbe(String url) {
        this.publisher = NatsConnections.open(url);
        this.subscriber = NatsConnections.open(url);
        Dispatcher dispatcher = subscriber.createDispatcher(message -> arrivals.arrived());
        dispatcher.subscribe(SUBJECT);
        try {
            subscriber.flush(Duration.ofSeconds(5));
        } catch (TimeoutException | InterruptedException e) {
            close();
            throw new IllegalStateException("nats-server did not confirm the raw subscription", e);
        }
    }

    @Override
    public long sample(byte[] payload) {
        long sent = System.nanoTime();
        publisher.publish(SUBJECT, payload);
        return arrivals.next("raw NATS message") - sent;
    }

    @Override
    public void close() {
        NatsConnections.close(publisher);
        NatsConnections.close(subscriber);
    }
}
