package dev.registry.benchmarks.harness;

import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registries and services as the end-to-end runs use them: each run on a main topic of its own, heartbeats
 * an hour apart (so no heartbeat crosses a measurement) unless a run sets its interval, a lookup timeout
 * long enough that a slow sample is measured rather than failed, and services with every field a real
 * deployment sets (so messages have a realistic size). Stateless apart from the topic counter.
 */
final class HarnessRegistries {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private HarnessRegistries() {
    }

    /** A main topic no other run uses. */
    static String newMainTopic() {
        return "bench" + ProcessHandle.current().pid() + "r" + RUNS.incrementAndGet();
    }

    static RegistryOptions.Builder options(String mainTopic) {
        return RegistryOptions.builder().mainTopic(mainTopic).registerInterval(Duration.ofHours(1))
                .lookupTimeout(Duration.ofSeconds(1)).unregisterOnShutdown(false);
    }

    static Service service(String name, String address) {
        return Service.builder(name).address(address).network("tcp").url("http://" + address + "/api")
                .version("1.4.2").host("host-bench").kv("zone", "eu-1").build();
    }
}
