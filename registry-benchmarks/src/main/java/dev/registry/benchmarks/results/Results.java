package dev.registry.benchmarks.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of {@code scripts/bench} measured, with the commit and machine it measured: what
 * {@code results.json} holds and the only input of the report. A section is {@code null} when its part did not
 * run ({@code --fleet} alone, no {@code --go-bench}). Latencies are in microseconds. Immutable; read and
 * written as indented JSON with {@link #read} and {@link #write}.
 *
 * @param run              what was measured, when, how long it took
 * @param machine          the machine and the software it ran
 * @param jmh              every JMH score
 * @param propagation      one per broker
 * @param coldLookup       cold lookups over NATS
 * @param failureDetection killed processes over NATS
 * @param heartbeatCost    a process heartbeating over NATS
 * @param ingest           heartbeats through NATS into one registry
 * @param scale            the 100,000-instance cache
 * @param fleet            the fleet run
 * @param go               the Go original's figures, from {@code --go-bench}
 */
public record Results(Run run, Machine machine, List<JmhScore> jmh, List<Propagation> propagation,
                      ColdLookup coldLookup, FailureDetection failureDetection, HeartbeatCost heartbeatCost,
                      Ingest ingest, Scale scale, Fleet fleet, GoFigures go) {

    /** Unknown fields are ignored, so an older results.json, or a Go binary printing more, still reads. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes {@code results} to {@code file}, creating its directory. */
    public static void write(Path file, Results results) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The results in {@code file}. */
    public static Results read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Results.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * One JMH result.
     *
     * @param benchmark  the benchmark method, e.g. {@code RegistryBenchmark.hot}
     * @param params     the {@code @Param} values of the run (empty when none)
     * @param threads    benchmark threads
     * @param score      the primary score
     * @param error      its 99.9 % confidence half-width; 0 when JMH had too few iterations to compute one
     * @param unit       the primary score's unit, e.g. {@code ns/op}
     * @param bytesPerOp bytes allocated per operation ({@code -prof gc}'s {@code gc.alloc.rate.norm})
     */
    public record JmhScore(String benchmark, Map<String, String> params, int threads, double score, double error,
                           String unit, double bytesPerOp) {

        /** Copies {@code params}. */
        public JmhScore {
            params = Map.copyOf(params);
        }

        /** Whether this is a run of {@code benchmark} with {@code threads} threads and these parameter values. */
        public boolean is(String benchmark, int threads, Map<String, String> params) {
            return this.benchmark.equals(benchmark) && this.threads == threads && this.params.equals(params);
        }
    }

    /**
     * @param commit         {@code git rev-parse HEAD} of the measured tree
     * @param dirty          whether the tree had uncommitted changes
     * @param started        when the measurements began, ISO-8601 UTC
     * @param buildSeconds   the build before the run
     * @param measureSeconds the measurements
     * @param quick          a smoke run, numbers not worth quoting
     * @param settings       samples, windows and JMH iterations, as the run describes them
     */
    public record Run(String commit, boolean dirty, String started, double buildSeconds, double measureSeconds,
                      boolean quick, String settings) {
    }

    /**
     * @param cpu         model name
     * @param cores       available to the JVM
     * @param memoryGiB   total memory
     * @param os          name, version, architecture
     * @param jvm         name, version, vendor
     * @param natsServer  {@code nats-server --version}
     * @param redisServer {@code redis-server --version}
     * @param clients     raw client and tool versions
     * @param loadBefore  1/5/15 min load average before the first measurement
     * @param loadAfter   the same after the last
     */
    public record Machine(String cpu, int cores, double memoryGiB, String os, String jvm, String natsServer,
                          String redisServer, String clients, String loadBefore, String loadAfter) {
    }

    /**
     * A change on registry A reaching registry B's listener, beside the raw client's one-way latency, and in the same
     * rounds the path split at the broker: each side with a raw client on the other ({@code null} in a results.json
     * older than the split).
     *
     * @param rawRegisterToB        a pre-encoded register message of a new instance, published raw on the topic A
     *                              would use -> B's {@code REGISTERED}: B's side plus one raw hop
     * @param registerOnAToRaw      {@code register} on A of a new instance of a name A has -> a raw subscriber: A's side
     *                              plus one raw hop
     * @param firstInstanceOnAToRaw the same for the first instance of a name new to A
     * @param rawOneWayHandedOff    the raw one-way latency stamped after the subscriber's callback handed the message to a
     *                              waiting thread (a JDK single-thread executor), as a registry hands every message to
     *                              an event thread before a listener sees it ({@code null} in an older results.json)
     */
    public record Propagation(String broker, Latency rawOneWay, Latency register, Latency status, Latency unregister,
                              Latency firstInstance, Latency rawRegisterToB, Latency registerOnAToRaw,
                              Latency firstInstanceOnAToRaw, Latency rawOneWayHandedOff) {
    }

    /**
     * {@code getService} of a name new to B, beside raw request/reply; and in the same rounds a raw ping of a name A
     * owns -> A's answer on a raw subscription ({@code rawPingToAnswer}: A's side of a cold lookup plus a raw round
     * trip; {@code null} in a results.json older than it); and {@code rawExchange}, the cold lookup's exchange done by
     * a raw client on one connection: subscribe the name's two topics and ping it at once -> A's answer ({@code null}
     * in a results.json older than it).
     */
    public record ColdLookup(Latency rawRequestReply, Latency cold, Latency rawPingToAnswer, Latency rawExchange) {
    }

    /** Last heartbeat (and SIGKILL) to {@code EXPIRED}, one killed JVM per sample. */
    public record FailureDetection(int killed, long intervalMillis, double dueFactor, long dueCheckMillis,
                                   Latency sinceLastBeat, Latency sinceKill) {
    }

    /** A child JVM's CPU, in % of one core, with and without its registrations. */
    public record HeartbeatCost(int registrations, long intervalMillis, double windowSeconds, double cpuPercent,
                                double idleCpuPercent, double messagesPerSecond, double bytesPerSecond) {
    }

    /** Heartbeats per second one registry applies through NATS, and a raw jnats subscriber receives. */
    public record Ingest(int instances, double registryPerSecond, double rawPerSecond) {
    }

    /**
     * Heap per cached instance (used heap after GC, filled minus empty) and the time to fill; and, in the same run,
     * the heap per instance of a registry that decodes every heartbeat (an observe filter turns the undecoded
     * renewal off), which keeps no fingerprint of the last message per instance; and the heap of the decoded
     * {@code Service} objects alone, as {@code getServices} returns them, held after their registry closed: the
     * floor of any cache that keeps what the API returns (0 in a results.json older than it); and where the first
     * figure goes, class by class (null in a results.json older than it).
     */
    public record Scale(int instances, double bytesPerInstance, double fillSeconds, double bytesPerInstanceDecodingEveryBeat,
                        double bytesPerDecodedService, List<HeapClass> byClass) {
    }

    /**
     * The live objects of one class that a filled cache holds per cached instance (the JVM's class histogram with
     * the cache, minus without it), or the sum of the classes too small to list on their own ({@code other}).
     *
     * @param className the class as the JVM names it ({@code [B} is {@code byte[]})
     * @param count     objects of it per instance
     * @param bytes     their bytes per instance
     */
    public record HeapClass(String className, double count, double bytes) {
    }

    /**
     * Owner processes heartbeating on one nats-server, and observers under that load.
     *
     * @param processes            owner JVMs
     * @param instances            registrations in all
     * @param names                distinct names (each owner registers one instance of every name)
     * @param intervalMillis       register interval
     * @param windowSeconds        measuring window of the rates and CPU figures
     * @param brokerInPerSecond    messages into nats-server ({@code /varz in_msgs})
     * @param brokerOutPerSecond   messages out of it ({@code /varz out_msgs})
     * @param natsCapacityPerSecond  messages in + out per second the same nats-server carried for one raw jnats
     *                               publisher and subscriber, measured before the fleet started
     * @param redisCapacityPerSecond the same for one redis-server and Lettuce
     * @param observers            one per observer pattern
     * @param propagation          {@code register} in one more process -> the observe-all observer's event
     * @param rawOneWay            raw jnats one-way latency in the same rounds
     */
    public record Fleet(int processes, int instances, int names, long intervalMillis, double windowSeconds,
                        double brokerInPerSecond, double brokerOutPerSecond, double natsCapacityPerSecond,
                        double redisCapacityPerSecond,
                        List<Observer> observers, Latency propagation, Latency rawOneWay) {
    }

    /**
     * One observer process of the fleet.
     *
     * @param pattern           {@code all} (observes every name) or {@code lookup} (looks up a few names in a loop)
     * @param names             names it keeps current
     * @param instances         instances it caches
     * @param messagesPerSecond register messages its registry received
     * @param cpuPercent        its whole process's CPU, in % of one core
     * @param heapBytes         used heap after a full GC
     * @param resyncSeconds     from the restarted broker accepting connections until it had a register message of
     *                          every one of its instances again
     */
    public record Observer(String pattern, int names, int instances, double messagesPerSecond, double cpuPercent,
                           double heapBytes, double resyncSeconds) {
    }

    /**
     * What the external Go benchmark binary printed: its fields, named as it names them (a field it did not print is
     * 0). Latencies in microseconds; see the binary's README for how each is measured.
     *
     * @param rawOneWayInPropagationP50Us raw one-way samples taken in the propagation rounds, the baseline of the
     *                                    register and unregister ratios (0 from an older binary: then
     *                                    {@code rawOneWayP50Us} is)
     * @param ingestVisibleInstances      of the ingest run's 1,000 instances, how many {@code GetServices} sees after it
     * @param heapVisibleInstances        of the heap fill's {@code heapInstances}, how many it sees
     * @param asyncErrors                 nats.go's asynchronous errors (slow consumers); 0 in a sound run
     */
    public record GoFigures(String goVersion, String library, String natsGo, double hotLookupNs,
                            double hotLookupBytes, double hotLookupAllocs, double rawOneWayP50Us, double rawOneWayP99Us,
                            double rawOneWayInPropagationP50Us, double registerP50Us, double registerP99Us,
                            double unregisterP50Us, double unregisterP99Us, double rawRequestReplyP50Us,
                            double coldLookupP50Us, double coldLookupP99Us, double ingestMsgPerSec,
                            double rawIngestMsgPerSec, double ingestVisibleInstances, double heapPerInstanceBytes,
                            double heapInstances, double heapVisibleInstances, double heapFillSeconds,
                            double asyncErrors, double loadAvgStart, double loadAvgEnd, double runSeconds) {

        /** The baseline of the propagation ratios: the raw one-way p50 taken in the propagation rounds if printed. */
        public double propagationRawP50Us() {
            return rawOneWayInPropagationP50Us > 0 ? rawOneWayInPropagationP50Us : rawOneWayP50Us;
        }
    }
}
