package dev.registry.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Greeter instances each in a child JVM ({@link GreeterService#main}), configured through the environment
 * ({@code REGISTRY_URL}, {@code REGISTRY_PREFIX}) as a deployed service would be, and stopped with SIGTERM.
 * A shutdown hook stops the children when the demo itself is stopped (Ctrl-C). Thread-safe.
 */
final class ProcessFleet implements GreeterFleet {

    private static final long STOP_SECONDS = 10;

    private final Map<String, String> environment;
    private final Map<Integer, Process> running = new TreeMap<>();
    private final Thread cleanup = new Thread(this::close, "demo-fleet-cleanup");

    ProcessFleet(String url, String mainTopic) {
        this.environment = Map.of("REGISTRY_URL", url, "REGISTRY_PREFIX", mainTopic);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    @Override
    public String where() {
        return "in a child JVM";
    }

    @Override
    public String howStopped() {
        return "SIGTERM: its shutdown hook unregisters it";
    }

    @Override
    public synchronized void start(int number) {
        Process process;
        try {
            process = ChildJvm.of(GreeterService.class, environment, "--id", "instance " + number)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a greeter process: " + e.getMessage(), e);
        }
        running.put(number, process);
    }

    @Override
    public synchronized void stop(int number) {
        terminate(running.remove(number));
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(running.keySet()).forEach(this::stop);
        if (Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs and finds nothing left to stop
            }
        }
    }

    /** SIGTERM, then SIGKILL if the process has not ended within {@value #STOP_SECONDS} s. */
    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
