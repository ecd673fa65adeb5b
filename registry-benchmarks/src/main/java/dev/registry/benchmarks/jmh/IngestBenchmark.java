package dev.registry.benchmarks.jmh;

import dev.registry.benchmarks.fixture.DirectPubsub;
import dev.registry.benchmarks.fixture.FilledRegistry;
import dev.registry.benchmarks.fixture.GoMessages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Register messages one registry decodes and applies per second on one thread: the heartbeats of 1,000
 * cached instances (10 names x 100, register interval 1 s), each a Go-shaped message handed to the registry's
 * inbound path by a {@link DirectPubsub}, so the JSON codec, the validation and the cache refresh are
 * measured and no broker or bus thread is. A heartbeat of a known, unchanged instance is what a registry
 * receives almost always. The short interval keeps the registry in its steady state within a second: each
 * refresh leaves an entry in the due index, which the due-check sweep (on the registry's scheduler thread,
 * not this one) clears once the old due time has passed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IngestBenchmark {

    private static final int NAMES = 10;
    private static final int PER_NAME = 100;
    private static final long INTERVAL_MILLIS = 1_000;

    private FilledRegistry filled;
    private DirectPubsub bus;
    private String[] topics;
    private byte[][] messages;
    private int next;

    /** Fills the registry (JMH setup, untimed). */
    @Setup
    public void fill() {
        filled = FilledRegistry.fill(NAMES, PER_NAME);
        bus = filled.bus();
        topics = new String[NAMES * PER_NAME];
        messages = new byte[NAMES * PER_NAME][];
        for (int n = 0; n < NAMES; n++) {
            String name = filled.names().get(n);
            for (int i = 0; i < PER_NAME; i++) {
                topics[n * PER_NAME + i] = FilledRegistry.registerTopic(name);
                messages[n * PER_NAME + i] = GoMessages.register(name, GoMessages.address(n * PER_NAME + i),
                        System.currentTimeMillis(), INTERVAL_MILLIS);
            }
        }
    }

    /** Closes the registry. */
    @TearDown
    public void close() {
        filled.close();
    }

    /** One heartbeat of the next instance, decoded and applied. */
    @Benchmark
    public void heartbeat() {
        bus.publish(topics[next], messages[next]);
        if (++next == messages.length) {
            next = 0;
        }
    }
}
