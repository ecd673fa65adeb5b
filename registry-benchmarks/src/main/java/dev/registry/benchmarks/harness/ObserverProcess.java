package dev.registry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.ServiceEvent;
import dev.registry.nats.NatsPubsub;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * An observer of the fleet, in a JVM of its own, over NATS. Pattern {@code all} observes every name
 * ({@code observeAll}) and prints {@code seen <address> <nanoTime>} when an instance at an address starting with
 * {@link #PROBE_PREFIX} is registered (the clock is the machine's monotonic one, which the harness's
 * {@code nanoTime} shares). Pattern {@code lookup} looks up each of its names with the load-balance filter, all
 * of them every 10 ms (5,000 lookups a second for 50 names), which keeps them observed. It prints {@code ready}
 * once it caches {@code expected} instances. Commands: {@code measure <seconds>} prints
 * {@code result cpuNanos=.. wallNanos=.. messages=.. heapBytes=..} (process CPU, register messages received,
 * used heap after a full GC); {@code mark} prints {@code armed}, then {@code resynced <nanoTime>} once it has a
 * register message of every expected instance again. Ends when its standard input closes.
 *
 * <p>Arguments: {@code <nats url> <main topic> <all|lookup> <name prefix> <names> <expected instances>}.
 */
public final class ObserverProcess {

    /** Addresses of the instances whose propagation the harness times: {@code 10.250.x.y}. */
    static final String PROBE_PREFIX = "10.250.";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private ObserverProcess() {
    }

    /** Runs the process; arguments as the class says. */
    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        CountingPubsub pubsub = new CountingPubsub(NatsPubsub.connect(args[0]));
        Registry registry = Registry.connect(pubsub, HarnessRegistries.options(args[1]).build());
        int names = Integer.parseInt(args[4]);
        int expected = Integer.parseInt(args[5]);
        if (args[2].equals("all")) {
            registry.observeAll(ObserverProcess::stampProbe);
        } else {
            Thread lookups = new Thread(() -> lookUp(registry, args[3], names), "bench-lookups");
            lookups.setDaemon(true);
            lookups.start();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (registry.stats().cacheSize() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000_000);
        }
        if (registry.stats().cacheSize() < expected) {
            // ending at once tells the harness, whose wait for "ready" then fails without waiting out its own timeout
            System.err.println("observer: " + registry.stats().cacheSize() + " of " + expected + " instances after " + TIMEOUT);
            System.exit(1);
        }
        print("ready");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.startsWith("measure ")) {
                measure(registry, Duration.ofSeconds(Long.parseLong(command.substring(8).trim())));
            } else if (command.equals("mark")) {
                var resynced = pubsub.arm(expected);
                print("armed");
                print("resynced " + resynced.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
        }
        registry.close();
    }

    private static void stampProbe(ServiceEvent event) {
        if (event.type() == ServiceEvent.Type.REGISTERED && event.service().address().startsWith(PROBE_PREFIX)) {
            print("seen " + event.service().address() + " " + System.nanoTime());
        }
    }

    private static void lookUp(Registry registry, String prefix, int names) {
        while (true) {
            for (int n = 0; n < names; n++) {
                registry.findService(prefix + "-" + n, Filters.loadBalance());
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    private static void measure(Registry registry, Duration window) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long messages = registry.stats().messagesIn();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        long wall = System.nanoTime() - start;
        long used = os.getProcessCpuTime() - cpu;
        long received = registry.stats().messagesIn() - messages;
        print("result cpuNanos=" + used + " wallNanos=" + wall + " messages=" + received + " heapBytes=" + ScaleRun.usedHeapAfterGc());
    }

    /** One line to the harness; {@code println} writes a line whole, whichever thread calls it. */
    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
