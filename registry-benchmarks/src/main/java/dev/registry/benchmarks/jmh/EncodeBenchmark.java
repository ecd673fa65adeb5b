package dev.registry.benchmarks.jmh;

import dev.registry.Service;
import dev.registry.internal.WireCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What encoding one heartbeat costs: the registry's own {@code WireCodec} (an internal class, used here only to
 * take the heartbeat's cost apart) writing the register message of a service with every field set. Set
 * beside the heartbeat-cost figure, it shows how much of a heartbeat's CPU time is the message itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncodeBenchmark {

    private final WireCodec codec = new WireCodec(64 * 1024);
    private final Service service = Service.builder("svc-0001").address("10.0.3.7:8080").network("tcp")
            .url("http://10.0.3.7:8080/api").version("1.4.2").host("host-bench").kv("zone", "eu-1").build();

    @Benchmark
    public byte[] registerMessage() {
        return codec.encodeRegister(service, System.currentTimeMillis(), 1_000);
    }
}
