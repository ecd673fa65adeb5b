package dev.registry.examples;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged demo as scripts/demo runs it: {@code java -jar target/registry-examples.jar}. */
class DemoIT {

    private static final Path JAR = Path.of(System.getProperty("examples.jar", "target/registry-examples.jar"));

    @Test
    void theJarRunsTheDemoWithItsGreeterProcessesOnNats() throws Exception {
        try (Broker nats = Brokers.nats()) {
            Result result = run("--url", Brokers.natsUrl(nats));

            assertEquals(0, result.exit(), result.stderr());
            DemoScenario.assertScenario(result.stdout());
        }
    }

    @Test
    void anUnknownArgumentIsAUsageError() throws Exception {
        Result result = run("--colour", "blue");

        assertEquals(2, result.exit(), result.stderr());
        assertTrue(result.stderr().contains("unknown argument: --colour"), result.stderr());
        assertTrue(result.stderr().contains("usage: demo [--url"), result.stderr());
    }

    private static Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        File errors = File.createTempFile("demo-", ".err");
        Process demo = new ProcessBuilder(command).redirectError(errors).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo ends");
        return new Result(demo.exitValue(), output, Files.readString(errors.toPath()));
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
