package dev.registry.benchmarks.harness;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A service process for the failure-detection run: registers one instance over a URL, prints
 * {@code registered}, then heartbeats until it is killed. Started by {@link FailureDetectionRun} in a JVM of
 * its own, so that SIGKILL stops its heartbeats the way a crashed service's stop.
 *
 * <p>Arguments: {@code <url> <main topic> <name> <address> <register interval millis>}.
 */
public final class InstanceProcess {

    private InstanceProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        RegistryOptions options = RegistryOptions.builder().mainTopic(args[1])
                .registerInterval(Duration.ofMillis(Long.parseLong(args[4]))).unregisterOnShutdown(false).build();
        Registry registry = Registry.connect(args[0], options);
        registry.register(HarnessRegistries.service(args[2], args[3]));
        System.out.println("registered");
        System.out.flush();
        // the registry's threads are daemons: this one keeps the process (and so its heartbeats) alive
        new CountDownLatch(1).await();
    }
}
