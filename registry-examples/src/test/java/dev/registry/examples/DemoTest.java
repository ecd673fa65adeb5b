package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.testkit.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void runsTheWholeScenarioOnTheInMemoryBus() {
        assertScenario(run("mem://demo-" + UUID.randomUUID()));
    }

    @Test
    void runsTheWholeScenarioOnNats() {
        try (LocalServer nats = LocalServer.start("nats-server", port -> List.of("-a", "127.0.0.1", "-p", String.valueOf(port)))) {
            assertScenario(run("nats://127.0.0.1:" + nats.port()));
        }
    }

    private static String run(String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Demo(new PrintStream(bytes, true, StandardCharsets.UTF_8), url).run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertScenario(String output) {
        List<String> lines = Arrays.asList(output.split("\n"));
        assertEquals(3, count(lines, "[event] REGISTERED"), output);
        assertEquals(1, count(lines, "[event] UNREGISTERED"), output);
        List<String> calls = lines.stream().filter(line -> line.contains(" call ")).toList();
        assertEquals(10, calls.size(), output);
        for (int n = 1; n <= 3; n++) {
            int instance = n;
            assertEquals(2, calls.subList(0, 6).stream().filter(c -> c.endsWith("hello from instance " + instance)).count(), output);
        }
        assertTrue(calls.subList(6, 10).stream().noneMatch(c -> c.contains("instance 2") || c.contains("failed")), output);
        assertTrue(output.endsWith("done\n"), output);
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }
}
