package dev.registry.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registry.Addresses;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.Observer;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet on one nats-server of its own (monitoring port on, for {@code /varz}): {@code processes} owner JVMs
 * ({@link ChildProcess} {@code owner}, small heaps), each registering one instance of each of {@code names} names
 * at a 1 s interval, and two observer JVMs ({@link ChildProcess} {@code all} and {@code lookup}): one observing
 * every name, one looking up 50 names in a loop. Measures, in this order: the raw capacity of one nats-server and
 * of one redis-server (one raw publisher and subscriber, before the fleet starts); over one window, the broker's
 * messages in and out per second and each observer's CPU, messages and heap; the propagation of a {@code register}
 * in one more process (this one) to the observe-all observer, beside raw one-way samples in the same rounds; and,
 * after the server is killed and restarted on its port, how long each observer takes to hear from every one of its
 * instances again. Not thread-safe.
 */
final class FleetRun {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);
    private static final long INTERVAL_MILLIS = 1_000;
    private static final int LOOKED_UP_NAMES = 50;
    private static final String PREFIX = "fleet";
    /** {@link GoMessages#address} of this index and up is {@code 10.250.x.y}: {@link ChildProcess#PROBE_PREFIX}. */
    private static final int PROBE_ADDRESSES = 250 << 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private FleetRun() {
    }

    /**
     * @param processes owner JVMs
     * @param names     names, each with one instance in every owner
     * @param window    measuring window of rates, CPU and heap
     * @param probes    propagation samples (a tenth more are taken first, unrecorded)
     * @param capacity  messages of each raw capacity run (one per broker)
     */
    static Fleet run(int processes, int names, Duration window, int probes, int capacity) {
        int instances = processes * names;
        LOG.info("fleet: {} processes x {} names = {} instances, {} s window", processes, names, instances, window.toSeconds());
        int monitor = Addresses.freePort();
        List<ChildProcess> children = new ArrayList<>();
        try (LocalServer nats = Brokers.natsProcess("-m", String.valueOf(monitor))) {
            String url = Brokers.natsUrl(nats);
            // a message in and a message out for each one the raw subscriber received
            double natsCapacity = 2 * IngestRun.natsRaw(url, capacity);
            double redisCapacity;
            try (LocalServer redis = Brokers.redisProcess()) {
                redisCapacity = 2 * IngestRun.redisRaw(Brokers.redisUrl(redis), capacity);
            }
            String topic = Bench.newMainTopic();
            for (int c = 0; c < processes; c++) {
                children.add(ChildProcess.start(ChildProcess.SMALL, List.of("owner", url, topic, PREFIX,
                        String.valueOf(names), "1", String.valueOf(INTERVAL_MILLIS), String.valueOf(c * names))));
            }
            children.forEach(owner -> owner.awaitLine("registered", TIMEOUT));
            int looked = Math.min(LOOKED_UP_NAMES, names);
            List<Observer> shapes = List.of(new Observer("all", names, instances, 0, 0, 0, 0),
                    new Observer("lookup", looked, looked * processes, 0, 0, 0, 0));
            List<ChildProcess> observers = shapes.stream().map(o -> ChildProcess.start(ChildProcess.SMALL, List.of(o.pattern(), url, topic,
                    PREFIX, String.valueOf(o.names()), String.valueOf(o.instances())))).toList();
            children.addAll(observers);
            observers.forEach(observer -> observer.awaitLine("ready", TIMEOUT));
            LOG.info("fleet: every observer caches its instances; measuring");
            long[] before = varz(monitor);
            observers.forEach(observer -> observer.send("measure " + window.toSeconds()));
            List<Map<String, Double>> measured = observers.stream().map(observer -> observer.awaitResult(window.plus(TIMEOUT))).toList();
            long[] after = varz(monitor);
            Histogram propagation = Bench.histogram();
            Histogram raw = Bench.histogram();
            propagate(url, topic, observers.get(0), probes, propagation, raw);
            LOG.info("fleet: restarting nats-server");
            nats.kill();
            observers.forEach(observer -> observer.send("mark"));
            observers.forEach(observer -> observer.awaitLine("armed", TIMEOUT));
            nats.restart();
            long restarted = System.nanoTime();
            List<Observer> results = new ArrayList<>();
            for (int i = 0; i < shapes.size(); i++) {
                Observer o = shapes.get(i);
                double wall = measured.get(i).get("wallNanos");
                results.add(new Observer(o.pattern(), o.names(), o.instances(), measured.get(i).get("messages") * 1e9 / wall,
                        100 * measured.get(i).get("cpuNanos") / wall, measured.get(i).get("heapBytes"),
                        (Long.parseLong(observers.get(i).awaitLine("resynced", TIMEOUT)) - restarted) / 1e9));
            }
            double seconds = (after[2] - before[2]) / 1e9;
            return new Fleet(processes, instances, names, INTERVAL_MILLIS, seconds, (after[0] - before[0]) / seconds,
                    (after[1] - before[1]) / seconds, natsCapacity, redisCapacity, results, Latency.of(propagation), Latency.of(raw));
        } finally {
            children.forEach(ChildProcess::close);
        }
    }

    /** Registers and unregisters probe instances of the first name in this process; times each to {@code all}'s event. */
    private static void propagate(String url, String topic, ChildProcess all, int probes, Histogram propagation,
                                  Histogram raw) {
        byte[] rawPayload = GoMessages.register(PREFIX + "-0", GoMessages.address(PROBE_ADDRESSES));
        try (RawClient probe = RawClient.nats(url, true, "raw.oneway");
             Registry registry = Registry.connect(url, Bench.options(topic))) {
            // keeps the name's ping subscription in this registry, so the samples time the message alone
            Registration anchor = registry.register(Bench.service(PREFIX + "-0", GoMessages.address(PROBE_ADDRESSES)));
            all.awaitLine("seen " + GoMessages.address(PROBE_ADDRESSES), TIMEOUT);
            int warmup = probes / 10;
            for (int k = 1; k <= warmup + probes; k++) {
                String address = GoMessages.address(PROBE_ADDRESSES + k);
                Bench.settle();
                long rawNanos = probe.oneWay("raw.oneway", rawPayload);
                Bench.settle();
                long start = System.nanoTime();
                Registration registration = registry.register(Bench.service(PREFIX + "-0", address));
                String seen = all.awaitLine("seen " + address, TIMEOUT);
                registration.unregister();
                if (k > warmup) {
                    raw.recordValue(rawNanos);
                    propagation.recordValue(Long.parseLong(seen) - start);
                }
            }
            anchor.unregister();
        }
    }

    /** nats-server's {@code in_msgs} and {@code out_msgs} since it started (its {@code /varz}), and when they were read. */
    private static long[] varz(int monitorPort) {
        URI varz = URI.create("http://127.0.0.1:" + monitorPort + "/varz");
        try {
            JsonNode node = Results.MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(varz)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body());
            return new long[] {node.path("in_msgs").asLong(), node.path("out_msgs").asLong(), System.nanoTime()};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + varz, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + varz, e);
        }
    }
}
