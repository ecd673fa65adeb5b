package dev.registry.benchmarks.harness;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The raw NATS request/reply round trip a cold lookup is compared with: an empty request (as a ping is) on
 * one connection, answered by a dispatcher on another with a register-sized reply. Timed on the requesting
 * thread from the call to its return, as a cold {@code getService} is. Not thread-safe.
 */
final class NatsRequestReplyProbe implements AutoCloseable {

    private static final String SUBJECT = "raw.request";
    private static final byte[] EMPTY = new byte[0];

    private final Connection requester;
    private final Connection responder;

    NatsRequestReplyProbe(String url, byte[] reply) {
        this.requester = NatsConnections.open(url);
        this.responder = NatsConnections.open(url);
        Dispatcher dispatcher = responder.createDispatcher(request -> responder.publish(request.getReplyTo(), reply));
        dispatcher.subscribe(SUBJECT);
        try {
            responder.flush(Duration.ofSeconds(5));
        } catch (TimeoutException | InterruptedException e) {
            close();
            throw new IllegalStateException("nats-server did not confirm the responder's subscription", e);
        }
    }

    /** One round trip, in nanoseconds. */
    long sample() {
        long start = System.nanoTime();
        try {
            Message reply = requester.request(SUBJECT, EMPTY, OneWayProbe.TIMEOUT);
            if (reply == null) {
                throw new IllegalStateException("no reply within " + OneWayProbe.TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a raw request", e);
        }
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        NatsConnections.close(requester);
        NatsConnections.close(responder);
    }
}
