package dev.registry.benchmarks.jmh;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.benchmarks.fixture.FilledRegistry;
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
 * The lookup on every request path: {@code getService} of a cached name with 16 instances, as a caller
 * writes it. Run with 1 and 2 threads (the runner sets them) and with JMH's GC profiler for bytes per call.
 * One registry is shared by every benchmark thread, as it is by a service's request threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotLookupBenchmark {

    /** Instances of the looked-up name. */
    public static final int INSTANCES = 16;

    private FilledRegistry filled;
    private Registry registry;
    private String name;

    /** Fills the registry (JMH setup, untimed). */
    @Setup
    public void fill() {
        filled = FilledRegistry.fill(1, INSTANCES);
        registry = filled.registry();
        name = filled.names().get(0);
    }

    /** Closes the registry. */
    @TearDown
    public void close() {
        filled.close();
    }

    /** Round robin over the 16 instances: what a client calling a service does. */
    @Benchmark
    public Service loadBalance() {
        return registry.getService(name, Filters.loadBalance());
    }
}
