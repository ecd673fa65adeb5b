package dev.registry.benchmarks.harness;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.ColdLookup;
import io.nats.client.Connection;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code getService} on registry B of a name registered on registry A but never seen by B (B subscribes, pings,
 * A answers), over NATS, next to the raw jnats request/reply round trip measured in the same rounds: an empty
 * request (as a ping is) answered by a dispatcher on another connection with a register-sized reply, timed on the
 * requesting thread as a cold {@code getService} is. Not thread-safe.
 */
final class ColdLookupRun {

    private static final Logger LOG = LoggerFactory.getLogger(ColdLookupRun.class);
    private static final String RAW_SUBJECT = "raw.request";

    private final String url;

    ColdLookupRun(String url) {
        this.url = url;
    }

    ColdLookup run(int warmup, int samples) {
        LOG.info("cold lookups over NATS: {} warm-up rounds, {} measured", warmup, samples);
        String mainTopic = HarnessRegistries.newMainTopic();
        LatencyRecorder raw = new LatencyRecorder();
        LatencyRecorder cold = new LatencyRecorder();
        Connection requester = NatsConnections.open(url);
        Connection responder = NatsConnections.open(url);
        byte[] reply = GoMessages.register("cold", "10.0.0.1:8080");
        try (Registry a = Registry.connect(url, HarnessRegistries.options(mainTopic).build());
             Registry b = Registry.connect(url, HarnessRegistries.options(mainTopic).build())) {
            responder.createDispatcher(request -> responder.publish(request.getReplyTo(), reply)).subscribe(RAW_SUBJECT);
            responder.flush(OneWayProbe.TIMEOUT);
            for (int i = 0; i < warmup + samples; i++) {
                a.register(HarnessRegistries.service("cold-" + i, "10.2.0.1:8080"));
            }
            for (int i = 0; i < warmup + samples; i++) {
                Pause.settle();
                long start = System.nanoTime();
                if (requester.request(RAW_SUBJECT, new byte[0], OneWayProbe.TIMEOUT) == null) {
                    throw new IllegalStateException("no raw reply within " + OneWayProbe.TIMEOUT);
                }
                long rawNanos = System.nanoTime() - start;
                Pause.settle();
                start = System.nanoTime();
                b.getService("cold-" + i, Filters.loadBalance());
                long coldNanos = System.nanoTime() - start;
                if (i >= warmup) {
                    raw.add(rawNanos);
                    cold.add(coldNanos);
                }
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("no raw round trip over NATS", e);
        } finally {
            NatsConnections.close(requester);
            NatsConnections.close(responder);
        }
        return new ColdLookup(raw.latency(), cold.latency());
    }
}
