package dev.registry.benchmarks.harness;

import dev.registry.Addresses;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.Observer;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet on one nats-server of its own (monitoring port on, for {@code /varz}): {@code processes} owner JVMs
 * ({@link OwnerProcess}, small heaps), each registering one instance of each of {@code names} names at a 1 s
 * interval, and two observer JVMs ({@link ObserverProcess}): one observing every name, one looking up 50 names
 * in a loop. Measures, in this order: the raw capacity of one nats-server and of one redis-server (one raw
 * publisher and subscriber, before the fleet starts); over one window, the broker's messages in and out per second and each observer's CPU,
 * messages and heap; the propagation of a {@code register} in one more process (this one) to the observe-all
 * observer, beside raw one-way samples in the same rounds; and, after the server is killed and restarted on its
 * port, how long each observer takes to hear from every one of its instances again. Not thread-safe.
 */
final class FleetRun {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);
    private static final long INTERVAL_MILLIS = 1_000;
    private static final int LOOKED_UP_NAMES = 50;
    private static final String PREFIX = "fleet";
    /** {@link GoMessages#address} of this index and up is {@code 10.250.x.y}: {@link ObserverProcess#PROBE_PREFIX}. */
    private static final int PROBE_ADDRESSES = 250 << 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * @param processes owner JVMs
     * @param names     names, each with one instance in every owner
     * @param window    measuring window of rates, CPU and heap
     * @param probes    propagation samples (a tenth more are taken first, unrecorded)
     * @param capacity  messages of each raw capacity run (one per broker)
     */
    Fleet run(int processes, int names, Duration window, int probes, int capacity) {
        int instances = processes * names;
        LOG.info("fleet: {} processes x {} names = {} instances, {} s window", processes, names, instances, window.toSeconds());
        int monitor = Addresses.freePort();
        List<ChildJvm> children = new ArrayList<>();
        try (LocalServer nats = Brokers.natsProcess("-m", String.valueOf(monitor))) {
            String url = Brokers.natsUrl(nats);
            NatsVarz varz = new NatsVarz(monitor);
            // a message in and a message out for each one the raw subscriber received
            double natsCapacity = 2 * IngestRun.natsRaw(url, capacity);
            double redisCapacity;
            try (LocalServer redis = Brokers.redisProcess()) {
                redisCapacity = 2 * IngestRun.redisRaw(Brokers.redisUrl(redis), capacity);
            }
            String topic = HarnessRegistries.newMainTopic();
            for (int c = 0; c < processes; c++) {
                children.add(ChildJvm.start(OwnerProcess.class, ChildJvm.SMALL, List.of(url, topic, PREFIX,
                        String.valueOf(names), "1", String.valueOf(INTERVAL_MILLIS), String.valueOf(c * names))));
            }
            children.forEach(owner -> owner.awaitLine("registered", TIMEOUT));
            int looked = Math.min(LOOKED_UP_NAMES, names);
            ChildJvm all = observer(url, topic, "all", names, instances);
            ChildJvm lookup = observer(url, topic, "lookup", looked, looked * processes);
            children.add(all);
            children.add(lookup);
            all.awaitLine("ready", TIMEOUT);
            lookup.awaitLine("ready", TIMEOUT);
            LOG.info("fleet: every observer caches its instances; measuring");
            NatsVarz.Counters before = varz.read();
            all.send("measure " + window.toSeconds());
            lookup.send("measure " + window.toSeconds());
            Map<String, Double> allResult = all.awaitResult(window.plus(TIMEOUT));
            Map<String, Double> lookupResult = lookup.awaitResult(window.plus(TIMEOUT));
            NatsVarz.Counters after = varz.read();
            LatencyRecorder propagation = new LatencyRecorder();
            LatencyRecorder raw = new LatencyRecorder();
            propagate(url, topic, all, probes, propagation, raw);
            LOG.info("fleet: restarting nats-server");
            nats.kill();
            all.send("mark");
            lookup.send("mark");
            all.awaitLine("armed", TIMEOUT);
            lookup.awaitLine("armed", TIMEOUT);
            nats.restart();
            long restarted = System.nanoTime();
            double allResync = (Long.parseLong(all.awaitLine("resynced", TIMEOUT)) - restarted) / 1e9;
            double lookupResync = (Long.parseLong(lookup.awaitLine("resynced", TIMEOUT)) - restarted) / 1e9;
            return new Fleet(processes, instances, names, INTERVAL_MILLIS, (after.nanos() - before.nanos()) / 1e9,
                    after.inPerSecond(before), after.outPerSecond(before), natsCapacity, redisCapacity,
                    List.of(observer("all", names, instances, allResult, allResync),
                            observer("lookup", looked, looked * processes, lookupResult, lookupResync)),
                    propagation.latency(), raw.latency());
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    private static ChildJvm observer(String url, String topic, String pattern, int names, int expected) {
        return ChildJvm.start(ObserverProcess.class, ChildJvm.SMALL, List.of(url, topic, pattern, PREFIX,
                String.valueOf(names), String.valueOf(expected)));
    }

    private static Observer observer(String pattern, int names, int instances, Map<String, Double> result, double resync) {
        double wall = result.get("wallNanos");
        return new Observer(pattern, names, instances, result.get("messages") * 1e9 / wall,
                100 * result.get("cpuNanos") / wall, result.get("heapBytes"), resync);
    }

    /** Registers and unregisters probe instances of the first name in this process; times each to {@code all}'s event. */
    private static void propagate(String url, String topic, ChildJvm all, int probes, LatencyRecorder propagation,
                                  LatencyRecorder raw) {
        byte[] rawPayload = GoMessages.register(PREFIX + "-0", GoMessages.address(PROBE_ADDRESSES));
        try (OneWayProbe probe = OneWayProbe.nats(url);
             Registry registry = Registry.connect(url, HarnessRegistries.options(topic).build())) {
            // keeps the name's ping subscription in this registry, so the samples time the message alone
            Registration anchor = registry.register(HarnessRegistries.service(PREFIX + "-0", GoMessages.address(PROBE_ADDRESSES)));
            all.awaitLine("seen " + GoMessages.address(PROBE_ADDRESSES), TIMEOUT);
            int warmup = probes / 10;
            for (int k = 1; k <= warmup + probes; k++) {
                String address = GoMessages.address(PROBE_ADDRESSES + k);
                Pause.settle();
                long rawNanos = probe.sample(rawPayload);
                Pause.settle();
                long start = System.nanoTime();
                Registration registration = registry.register(HarnessRegistries.service(PREFIX + "-0", address));
                String seen = all.awaitLine("seen " + address, TIMEOUT);
                registration.unregister();
                if (k > warmup) {
                    raw.add(rawNanos);
                    propagation.add(Long.parseLong(seen) - start);
                }
            }
            anchor.unregister();
        }
    }
}
