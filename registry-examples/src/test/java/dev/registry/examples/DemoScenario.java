package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** What the demo must print, whichever bus and however it is started. */
final class DemoScenario {

    private DemoScenario() {
    }

    static void assertScenario(String output) {
        List<String> lines = Arrays.asList(output.split("\n"));
        assertEquals(3, count(lines, "[event] REGISTERED"), output);
        assertEquals(3, count(lines, "[event] UNREGISTERED"), "every instance unregistered when stopped\n" + output);
        List<String> calls = lines.stream().filter(line -> line.startsWith("  call ")).toList();
        assertEquals(10, calls.size(), output);
        for (int n = 1; n <= 3; n++) {
            String answer = "hello from instance " + n;
            assertEquals(2, calls.subList(0, 6).stream().filter(call -> call.endsWith(answer)).count(),
                    "round robin over three instances: " + answer + " twice\n" + output);
        }
        assertTrue(calls.subList(6, 10).stream().noneMatch(call -> call.contains("instance 2") || call.contains("failed")),
                "after instance 2 stopped, the client calls only 1 and 3, without failures\n" + output);
        List<String> unregistered = lines.stream().filter(line -> line.contains("[event] UNREGISTERED")).toList();
        assertTrue(unregistered.get(0).endsWith("(instance 2)"), "instance 2 unregistered first\n" + output);
        assertTrue(lines.indexOf(unregistered.get(0)) < lines.indexOf(calls.get(6)), "before the next call\n" + output);
        assertTrue(output.endsWith("done\n"), output);
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(line -> line.contains(text)).count();
    }
}
