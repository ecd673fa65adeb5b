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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code getService(name, loadBalance)} as the cache grows from 16 to 100,000 instances: does a lookup stay
 * as fast when the registry holds a whole data centre? {@code shape} is {@code <names>x<instances per name>}.
 * {@code target} {@code one} looks up one name over and over (a service calling its few dependencies);
 * {@code all} cycles through every cached name, so each call touches other memory (the worst case for the
 * CPU caches). Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScaleLookupBenchmark {

    /** {@code <names>x<instances per name>} cached. */
    @Param({"1x16", "16x100", "100x100", "1000x100"})
    public String shape;

    /** {@code one}: the first name again and again; {@code all}: every cached name in turn. */
    @Param({"one", "all"})
    public String target;

    private FilledRegistry filled;
    private Registry registry;
    private String[] targets;
    private int next;

    /** Fills the registry (JMH setup, untimed). */
    @Setup
    public void fill() {
        String[] parts = shape.split("x");
        filled = FilledRegistry.fill(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        registry = filled.registry();
        targets = "one".equals(target) ? new String[] {filled.names().get(0)} : filled.names().toArray(String[]::new);
    }

    /** Closes the registry. */
    @TearDown
    public void close() {
        filled.close();
    }

    /** One {@code getService(name, loadBalance)} of the next target name. */
    @Benchmark
    public Service lookup() {
        String name = targets[next];
        // the same index arithmetic for one name and for all, so the two differ only in the memory touched
        if (++next == targets.length) {
            next = 0;
        }
        return registry.getService(name, Filters.loadBalance());
    }
}
