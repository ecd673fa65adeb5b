package dev.registry.tck;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A registry in a separate JVM, to crash (SIGKILL) or stop (SIGTERM) like a real service process. The child
 * connects by URL, so it runs with whatever transport the test's class path holds, registers {@code count}
 * instances of {@code name} on ports 1.., prints {@code READY} and waits to be killed (or for its stdin to close).
 */
public final class PeerProcess implements AutoCloseable {

    private final Process process;

    private PeerProcess(Process process) {
        this.process = process;
    }

    /** Starts a peer and waits until its instances are registered. */
    public static PeerProcess start(String url, String mainTopic, String name, int count, Duration registerInterval) {
        return start(url, mainTopic, name, count, registerInterval, Duration.ZERO);
    }

    /** Starts a peer whose shutdown hook drains its instances for {@code drainOnShutdown} before it closes. */
    public static PeerProcess start(String url, String mainTopic, String name, int count, Duration registerInterval,
            Duration drainOnShutdown) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                PeerProcess.class.getName(), url, mainTopic, name, String.valueOf(count),
                String.valueOf(registerInterval.toMillis()), String.valueOf(drainOnShutdown.toMillis())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.equals("READY")) {
                    return new PeerProcess(process);
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("peer exited before READY: " + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, so nothing is unregistered. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the registry's shutdown hook unregisters every instance before the JVM exits. */
    public void terminate() {
        process.destroy();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The child: {@code url mainTopic name count registerIntervalMillis drainOnShutdownMillis}. */
    public static void main(String[] args) throws Exception {
        RegistryOptions options = RegistryOptions.builder().mainTopic(args[1])
                .registerInterval(Duration.ofMillis(Long.parseLong(args[4])))
                .drainOnShutdown(Duration.ofMillis(Long.parseLong(args[5]))).build();
        Registry registry = Registry.connect(args[0], options);
        for (int port = 1; port <= Integer.parseInt(args[3]); port++) {
            registry.register(Service.builder(args[2]).address("127.0.0.1:" + port).build());
        }
        System.out.println("READY");
        System.out.flush();
        // Exit (gracefully) when the test JVM goes away and closes our stdin, so no peer outlives its test.
        while (System.in.read() != -1) {
            Thread.onSpinWait();
        }
        System.exit(0);
    }
}
