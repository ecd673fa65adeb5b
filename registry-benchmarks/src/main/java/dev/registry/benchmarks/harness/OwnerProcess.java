package dev.registry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.nats.NatsPubsub;
import io.nats.client.Statistics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A service process in a JVM of its own, over NATS: registers {@code names x perName} instances, prints
 * {@code registered}, and heartbeats until its standard input closes or it is killed (the failure-detection
 * samples, the heartbeat-cost process, the fleet's owners). The command {@code measure <seconds>} prints
 * {@code result cpuNanos=.. wallNanos=.. outMessages=.. outBytes=..}: the whole process's CPU time (every thread,
 * GC and JIT) and what its connection wrote (jnats' counters) over that window.
 *
 * <p>Arguments: {@code <nats url> <main topic> <name prefix> <names> <per name> <interval millis> <first address>};
 * instance {@code i} of name {@code n} is {@code <prefix>-<n>} at {@link GoMessages#address} of
 * {@code first + n * perName + i}.
 */
public final class OwnerProcess {

    private OwnerProcess() {
    }

    /** Runs the process; arguments as the class says. */
    public static void main(String[] args) throws IOException, InterruptedException {
        NatsPubsub pubsub = NatsPubsub.connect(args[0]);
        int names = Integer.parseInt(args[3]);
        int perName = Integer.parseInt(args[4]);
        int first = Integer.parseInt(args[6]);
        RegistryOptions options = RegistryOptions.builder().mainTopic(args[1])
                .registerInterval(Duration.ofMillis(Long.parseLong(args[5]))).unregisterOnShutdown(false).build();
        Registry registry = Registry.connect(pubsub, options);
        for (int n = 0; n < names; n++) {
            for (int i = 0; i < perName; i++) {
                registry.register(HarnessRegistries.service(args[2] + "-" + n, GoMessages.address(first + n * perName + i)));
            }
        }
        System.out.println("registered");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.startsWith("measure ")) {
                measure(pubsub, Duration.ofSeconds(Long.parseLong(command.substring(8).trim())));
            }
        }
        // standard input closed: the harness is done with this process (or gone)
        registry.close();
    }

    private static void measure(NatsPubsub pubsub, Duration window) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Statistics wire = pubsub.connection().getStatistics();
        long cpu = os.getProcessCpuTime();
        long messages = wire.getOutMsgs();
        long bytes = wire.getOutBytes();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        System.out.println("result cpuNanos=" + (os.getProcessCpuTime() - cpu) + " wallNanos=" + (System.nanoTime() - start)
                + " outMessages=" + (wire.getOutMsgs() - messages) + " outBytes=" + (wire.getOutBytes() - bytes));
        System.out.flush();
    }
}
