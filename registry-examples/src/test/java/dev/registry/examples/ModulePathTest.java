package dev.registry.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.tck.Broker;
import dev.registry.tck.Brokers;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a user on the module path meets it: the modules under {@code src/test/modules} are compiled
 * against the jars' module descriptors and the application runs with {@code java --module-path}, finding the
 * NATS and Redis transports through service binding, and answers NATS micro discovery (Jackson reads the
 * NATS module's records through its {@code opens}). Only the API, SPI and in-memory packages are reachable.
 */
class ModulePathTest {

    private static final Path SOURCES = Path.of("src/test/modules");

    @TempDir
    Path out;

    @Test
    void internalPackagesAreNotVisibleToAUsersModule() throws IOException {
        StringWriter diagnostics = new StringWriter();

        boolean compiled = compile("intruder", diagnostics);

        assertFalse(compiled, "a module that imports dev.registry.internal compiled");
        assertTrue(diagnostics.toString().contains("package dev.registry.internal is not visible"), diagnostics.toString());
    }

    @Test
    void anApplicationOnTheModulePathFindsBothTransportsAndCannotReachTheInternals() throws Exception {
        StringWriter diagnostics = new StringWriter();
        assertTrue(compile("app", diagnostics), diagnostics.toString());

        List<String> output;
        try (Broker nats = Brokers.nats(); Broker redis = Brokers.redis()) {
            output = run(out.resolve("app"), "example.app/example.app.Main", Brokers.natsUrl(nats), Brokers.redisUrl(redis));
        }
        System.out.println("[modules] " + output);

        assertEquals(List.of(
                "nats found 127.0.0.1:7001",
                "redis found 127.0.0.1:7001",
                "nats micro [modular]",
                "dev.registry exports [dev.registry, dev.registry.memory, dev.registry.spi]",
                "reflection denied: InaccessibleObjectException"), output.stream().filter(line -> !line.contains(" INFO ")
                        && !line.contains(" WARN ")).toList());
    }

    private boolean compile(String module, StringWriter diagnostics) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                Stream<Path> tree = Files.walk(SOURCES.resolve(module))) {
            List<Path> sources = tree.filter(path -> path.toString().endsWith(".java")).toList();
            List<String> options = List.of("--module-path", String.join(java.io.File.pathSeparator, modulePath()),
                    "-d", out.resolve(module).toString());
            return javac.getTask(diagnostics, files, null, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
    }

    private static List<String> run(Path application, String main, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", application + java.io.File.pathSeparator + String.join(java.io.File.pathSeparator, modulePath()),
                "-m", main));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the modular application did not finish in 60 s");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            return output.lines().toList();
        } finally {
            process.destroyForcibly();
        }
    }

    /** The examples' runtime dependencies, as Maven resolved them (core, transports and their libraries). */
    private static List<String> modulePath() throws IOException {
        return List.of(Files.readString(Path.of("target/runtime-module-path.txt")).strip().split(java.io.File.pathSeparator));
    }
}
