package dev.registry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.nats.NatsPubsub;
import io.nats.client.Statistics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The heartbeat-cost process: owns {@code count} registrations (10 per name) on NATS at one register
 * interval, lets them beat for a warm-up, then measures over a window what the whole process spends: its
 * CPU time (every thread, GC and JIT included, from the OS) and the bytes and messages its NATS connection
 * wrote (jnats' own counters: the PUB protocol lines and payloads, exactly what goes on the wire), and how
 * often the library's threads went to sleep and were woken (their voluntary context switches). With
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
            Map<Long, Long> threadCpuBefore = registryThreadCpu();
            long wakeUpsBefore = LinuxThreads.voluntarySwitches("registry-");
            long cpuBefore = os.getProcessCpuTime();
            long bytesBefore = wire.getOutBytes();
            long messagesBefore = wire.getOutMsgs();
            long start = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(Long.parseLong(args[4])).toMillis());
            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long registryThreads = 0;
            for (Map.Entry<Long, Long> after : registryThreadCpu().entrySet()) {
                registryThreads += after.getValue() - threadCpuBefore.getOrDefault(after.getKey(), 0L);
            }
            System.out.println("result wallNanos=" + wall + " cpuNanos=" + cpu + " registryThreadCpuNanos="
                    + registryThreads + " registryThreadWakeUps=" + (LinuxThreads.voluntarySwitches("registry-")
                    - wakeUpsBefore) + " outBytes=" + (wire.getOutBytes() - bytesBefore) + " outMessages="
                    + (wire.getOutMsgs() - messagesBefore));
            System.out.flush();
        }
    }

    /** CPU time of each live thread the library started (named {@code registry-...}), by thread id. */
    private static Map<Long, Long> registryThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("registry-")) {
                cpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
