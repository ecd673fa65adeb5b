package dev.registry.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs another example's {@code main} in a child JVM with this JVM's class path (the examples jar when run by
 * {@code scripts/demo}, the test class path under Maven), so that the demo and the tests put instances in
 * processes of their own, which SIGTERM can stop. Stateless and thread-safe.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * A process builder for {@code main} with {@code arguments}, whose environment is this process's plus
     * {@code environment}; the caller decides where its output goes and starts it.
     */
    static ProcessBuilder of(Class<?> main, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the serial collector: these small processes start faster on few cores
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return builder;
    }
}
