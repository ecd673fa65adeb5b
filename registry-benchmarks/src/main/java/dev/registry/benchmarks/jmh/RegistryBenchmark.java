package dev.registry.benchmarks.jmh;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.benchmarks.fixture.DirectPubsub;
import dev.registry.benchmarks.fixture.FilledRegistry;
import dev.registry.benchmarks.fixture.GoMessages;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The registry's in-process paths, on a registry whose cache holds {@code shape} = {@code <names>x<instances per
 * name>} instances ({@link FilledRegistry}), shared by every benchmark thread as it is by a service's request
 * threads. The runner picks the shapes per benchmark:
 * <ul>
 *   <li>{@link #hot}: the lookup on every request path, {@code getService(name, loadBalance)} of one name with 16
 *       instances, as a caller writes it; run with 1 and 2 threads.</li>
 *   <li>{@link #lookup}: the same as the cache grows from 16 to 100,000 instances (does a lookup stay as fast when
 *       the registry holds a whole data centre?); {@code target} {@code one} looks up one name over and over (a
 *       service calling its few dependencies), {@code all} cycles through every cached name, so each call touches
 *       other memory (the worst case for the CPU caches). Single-threaded.</li>
 *   <li>{@link #floor}: what {@link #lookup} does with the registry left out, in the same shapes and targets: a
 *       {@link ConcurrentHashMap} holding each name's instances in an array, {@code get(name)} and one element round
 *       robin. Its {@code all} / {@code one} ratio is the data structures' own cost of touching other names' memory,
 *       the floor below any registry's cycling ratio.</li>
 *   <li>{@link #heartbeat}: register messages one registry decodes and applies per second on one thread, the
 *       heartbeats of 1,000 cached instances (10 names x 100, register interval 1 s), each a Go-shaped message
 *       handed to the inbound path by a {@link DirectPubsub}, so the JSON codec, the validation and the cache
 *       refresh are measured and no broker or bus thread is. A heartbeat of a known, unchanged instance is what a
 *       registry receives almost always. The short interval keeps the registry in its steady state within a
 *       second: each refresh leaves an entry in the due index, which the due-check sweep (on the registry's
 *       scheduler thread, not this one) clears once the old due time has passed.</li>
 * </ul>
 * Every run has JMH's GC profiler for bytes per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryBenchmark {

    /** {@code <names>x<instances per name>} cached. */
    @Param({"1x16", "16x100", "100x100", "1000x100"})
    public String shape;

    /** {@link #lookup} and {@link #floor}: {@code one}, the first name again and again; {@code all}, every cached name in turn. */
    @Param({"one", "all"})
    public String target;

    private FilledRegistry filled;
    private Registry registry;
    private DirectPubsub bus;
    private String hotName;
    private String[] targets;
    private String[] topics;
    private byte[][] heartbeats;
    private Map<String, Object[]> plain;
    private int next;
    private int pick;

    /**
     * Fills the registry, for {@link #heartbeat} encodes a heartbeat of every instance, and for {@link #floor} copies
     * each name's instances into the plain map (JMH setup, untimed).
     */
    @Setup
    public void fill(BenchmarkParams params) {
        String[] parts = shape.split("x");
        int perName = Integer.parseInt(parts[1]);
        filled = FilledRegistry.fill(Integer.parseInt(parts[0]), perName);
        registry = filled.registry();
        bus = filled.bus();
        hotName = filled.names().get(0);
        targets = "one".equals(target) ? new String[] {hotName} : filled.names().toArray(String[]::new);
        if (params.getBenchmark().endsWith(".floor")) {
            plain = new ConcurrentHashMap<>();
            filled.names().forEach(name -> plain.put(name, registry.getServices(name).toArray()));
        }
        if (params.getBenchmark().endsWith(".heartbeat")) {
            topics = new String[filled.names().size() * perName];
            heartbeats = new byte[topics.length][];
            for (int i = 0; i < topics.length; i++) {
                String name = filled.names().get(i / perName);
                topics[i] = FilledRegistry.registerTopic(name);
                heartbeats[i] = GoMessages.register(name, GoMessages.address(i), System.currentTimeMillis(), 1_000);
            }
        }
    }

    /** Closes the registry. */
    @TearDown
    public void close() {
        filled.close();
    }

    /** Round robin over the name's instances: what a client calling a service does. */
    @Benchmark
    public Service hot() {
        return registry.getService(hotName, Filters.loadBalance());
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

    /** {@link #lookup}'s floor: the next target name's array from the plain map, and its next element. */
    @Benchmark
    public Object floor() {
        Object[] instances = plain.get(targets[next]);
        if (++next == targets.length) {
            next = 0;
        }
        // one index for every name, as plain as round robin gets
        if (++pick >= instances.length) {
            pick = 0;
        }
        return instances[pick];
    }

    /** One heartbeat of the next instance, decoded and applied. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void heartbeat() {
        bus.publish(topics[next], heartbeats[next]);
        if (++next == heartbeats.length) {
            next = 0;
        }
    }
}
