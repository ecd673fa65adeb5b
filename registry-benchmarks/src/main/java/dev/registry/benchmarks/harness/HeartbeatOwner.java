package dev.registry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.nats.NatsPubsub;
import io.nats.client.Statistics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

/**
 * The heartbeat-cost process: owns {@code count} registrations (10 per name) on NATS at one register
 * interval, lets them beat for a warm-up, then measures over a window what the whole process spends: its
 * CPU time (every thread, GC and JIT included, from the OS) and the bytes and messages its NATS connection
 * wrote (jnats' own counters: the PUB protocol lines and payloads, exactly what goes on the wire), and, by
 * kind of thread (the library's, the JIT compiler's, the GC's, others), CPU time and how often the threads
 * were woken from sleep. With
 * {@code count} 0 it measures the same process idle, the baseline. Prints one {@code result} line.
 *
 * <p>Arguments: {@code <nats url> <count> <interval millis> <warm-up seconds> <window seconds>}.
 */
public final class HeartbeatOwner {

    private HeartbeatOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        Duration interval = Duration.ofMillis(Long.parseLong(args[2]));
        NatsPubsub pubsub = NatsPubsub.connect(url);
        RegistryOptions options = RegistryOptions.builder().mainTopic(HarnessRegistries.newMainTopic())
                .registerInterval(interval).unregisterOnShutdown(false).build();
        try (Registry registry = Registry.connect(pubsub, options)) {
            for (int i = 0; i < count; i++) {
                registry.register(HarnessRegistries.service("beat-" + i / 10, "10.4." + (i >>> 8) + "." + (i & 0xff) + ":8080"));
            }
            Thread.sleep(Duration.ofSeconds(Long.parseLong(args[3])).toMillis());
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Statistics wire = pubsub.connection().getStatistics();
            Map<String, LinuxThreads.Times> threadsBefore = LinuxThreads.byKind();
            long cpuBefore = os.getProcessCpuTime();
            long bytesBefore = wire.getOutBytes();
            long messagesBefore = wire.getOutMsgs();
            long start = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(Long.parseLong(args[4])).toMillis());
            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            StringBuilder result = new StringBuilder("result wallNanos=").append(wall).append(" cpuNanos=").append(cpu)
                    .append(" outBytes=").append(wire.getOutBytes() - bytesBefore)
                    .append(" outMessages=").append(wire.getOutMsgs() - messagesBefore);
            LinuxThreads.byKind().forEach((kind, after) -> {
                LinuxThreads.Times used = after.minus(threadsBefore.getOrDefault(kind, new LinuxThreads.Times(0, 0)));
                result.append(' ').append(kind).append("CpuNanos=").append(used.cpuNanos())
                        .append(' ').append(kind).append("WakeUps=").append(used.wakeUps());
            });
            System.out.println(result);
            System.out.flush();
        }
    }
}
