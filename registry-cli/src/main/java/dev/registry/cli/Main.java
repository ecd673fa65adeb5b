package dev.registry.cli;

import java.util.List;

/**
 * Entry point of the {@code registry} command-line tool ({@code scripts/registry}, or
 * {@code java -jar registry-cli/target/registry.jar}); {@code registry help} lists its commands. Logs go to
 * stderr through slf4j-simple, warnings only unless {@code --verbose}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: slf4j-simple reads its level once. A -D on the command line wins.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", List.of(args).contains("--verbose") ? "info" : "warn");
        }
        System.exit(new Cli(System.getenv(), System.out, System.err).run(args));
    }
}
