package dev.registry.benchmarks.harness;

import org.HdrHistogram.Histogram;
import dev.registry.benchmarks.results.Latency;
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

    private ColdLookupRun() {
    }

    static ColdLookup run(String url, int warmup, int samples) {
        LOG.info("cold lookups over NATS: {} warm-up rounds, {} measured", warmup, samples);
        String mainTopic = Bench.newMainTopic();
        Histogram raw = Bench.histogram();
        Histogram cold = Bench.histogram();
        Connection requester = Bench.connect(url);
        Connection responder = Bench.connect(url);
        byte[] reply = GoMessages.register("cold", "10.0.0.1:8080");
        try (Registry a = Registry.connect(url, Bench.options(mainTopic));
             Registry b = Registry.connect(url, Bench.options(mainTopic))) {
            responder.createDispatcher(request -> responder.publish(request.getReplyTo(), reply)).subscribe(RAW_SUBJECT);
            responder.flush(Bench.TIMEOUT);
            for (int i = 0; i < warmup + samples; i++) {
                a.register(Bench.service("cold-" + i, "10.2.0.1:8080"));
            }
            for (int i = 0; i < warmup + samples; i++) {
                Bench.settle();
                long start = System.nanoTime();
                if (requester.request(RAW_SUBJECT, new byte[0], Bench.TIMEOUT) == null) {
                    throw new IllegalStateException("no raw reply within " + Bench.TIMEOUT);
                }
                long rawNanos = System.nanoTime() - start;
                Bench.settle();
                start = System.nanoTime();
                b.getService("cold-" + i, Filters.loadBalance());
                long coldNanos = System.nanoTime() - start;
                if (i >= warmup) {
                    raw.recordValue(rawNanos);
                    cold.recordValue(coldNanos);
                }
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("no raw round trip over NATS", e);
        } finally {
            Bench.close(requester);
            Bench.close(responder);
        }
        return new ColdLookup(Latency.of(raw), Latency.of(cold));
    }
}
