package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service registered by another JVM is found over NATS, and goes away when that JVM closes its registry: its
 * owned connection flushed the unregister before closing.
 */
class CrossJvmTest {

    private static final Duration CHILD_START = Duration.ofSeconds(30);

    private LocalServer server;
    private Process child;

    @BeforeEach
    void startServer() {
        server = NatsServer.start();
    }

    @AfterEach
    void stopEverything() {
        if (child != null) {
            child.destroyForcibly();
        }
        server.close();
    }

    @Test
    void findsAServiceRegisteredByAnotherJvm() throws Exception {
        String mainTopic = "x" + UUID.randomUUID().toString().replace("-", "");
        String url = NatsServer.url(server);
        child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), RegisterAndWait.class.getName(),
                url, mainTopic, "remote", "127.0.0.1:7777").redirectErrorStream(true).start();
        awaitReady(child);

        RegistryOptions options = RegistryOptions.builder().mainTopic(mainTopic).lookupTimeout(Duration.ofSeconds(5)).build();
        try (Registry registry = Registry.connect(url, options)) {
            Service found = registry.getService("remote");

            assertEquals("remote", found.name());
            assertEquals("127.0.0.1:7777", found.address());
            assertEquals("1.2.3", found.version());
            assertEquals(Map.of("jvm", "child"), found.kv());
            assertEquals(Status.PASSING, found.status());
            assertFalse(found.host().isEmpty(), "the child defaulted the host to its host name");

            List<ServiceEvent> events = new CopyOnWriteArrayList<>();
            registry.observe("remote", events::add);
            child.getOutputStream().close();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child exits when its input ends");
            assertEquals(0, child.exitValue());
            ServiceEvent gone = Await.value("the child's unregister", () -> events.stream()
                    .filter(event -> event.type() == ServiceEvent.Type.UNREGISTERED).findFirst().orElse(null));
            assertEquals("127.0.0.1:7777", gone.service().address());
        }
    }

    /** Reads the child's output until it says READY; its later output is drained so it never blocks writing. */
    private static void awaitReady(Process process) throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("READY")) {
                        ready.complete(null);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("child ended its output before READY"));
            } catch (IOException e) {
                ready.completeExceptionally(new UncheckedIOException(e));
            }
        }, "cross-jvm-child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(CHILD_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            synchronized (output) {
                throw new AssertionError("child JVM did not get ready; its output:\n" + output, e);
            }
        }
    }
}
