package dev.registry.benchmarks.report;

import dev.registry.benchmarks.results.Results.Fleet;
import dev.registry.benchmarks.results.Results.Observer;
import java.util.ArrayList;
import java.util.List;

/**
 * The load of bigger fleets, projected from the fleet run and the protocol's message counts (PROTOCOL.md): a
 * heartbeat is one message into the broker and one out to every process observing its name; a lookup of a
 * cached name sends nothing; a cold lookup is one ping in, one answer in per instance and one out per observer
 * of the name (rare at steady state, left out). Fleets keep the measured shape: as many instances per name as
 * the run had, and one process (observer) per as many instances as one owner had. An observer's CPU is its
 * messages per second times what the observe-all observer spent per message in the run (its idle JVM included,
 * so an upper bound). A broker's capacity is the messages in + out per second it carried for one raw publisher and
 * subscriber in the same run. Stateless.
 */
public final class Projection {

    /** The columns of {@link #rows}. */
    public static final List<String> HEADER = List.of("instances", "interval", "processes, each observing",
            "broker in msg/s", "broker out msg/s", "in + out / capacity of one nats-server", "of one Redis",
            "observer CPU (% of one core)", "where");

    private static final int[] INSTANCES = {100_000, 1_000_000};
    private static final int[] INTERVAL_SECONDS = {1, 5, 20};
    private static final int FEW_NAMES = 50;

    private Projection() {
    }

    /** One row per fleet size, register interval and observer pattern. */
    public static List<List<String>> rows(Fleet fleet) {
        Observer all = fleet.observers().stream().filter(o -> o.pattern().equals("all")).findFirst().orElseThrow();
        double cpuPerMessage = all.cpuPercent() / all.messagesPerSecond();
        double perName = (double) fleet.instances() / fleet.names();
        double perProcess = (double) fleet.instances() / fleet.processes();
        List<List<String>> rows = new ArrayList<>();
        for (int instances : INSTANCES) {
            for (int interval : INTERVAL_SECONDS) {
                for (boolean observesAll : new boolean[] {true, false}) {
                    double processes = instances / perProcess;
                    double in = (double) instances / interval;
                    double perObserver = observesAll ? in : FEW_NAMES * perName / interval;
                    double out = processes * perObserver;
                    double nats = (in + out) / fleet.natsCapacityPerSecond();
                    double redis = (in + out) / fleet.redisCapacityPerSecond();
                    double cpu = perObserver * cpuPerMessage;
                    rows.add(List.of(Markdown.count(instances), interval + " s", Markdown.count(processes) + ", "
                                    + (observesAll ? "every name" : FEW_NAMES + " names"), Markdown.count(in), Markdown.count(out),
                            Markdown.ratio(nats), Markdown.ratio(redis), Markdown.decimal(cpu), where(nats, redis, cpu)));
                }
            }
        }
        return rows;
    }

    /** One broker while the load fits its measured capacity, a cluster beyond; and whether one core keeps an observer up. */
    private static String where(double nats, double redis, double cpu) {
        String broker = (nats <= 1 ? "one nats-server" : "NATS cluster") + ", " + (redis <= 1 ? "one Redis" : "Redis Cluster");
        return cpu <= 100 ? broker : broker + "; an observer past one core";
    }
}
