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

    /**
     * Runs the command {@code args} name and exits with its status: 0 done, 1 nothing found or failed, 2 wrong
     * arguments or environment.
     *
     * @param args the command line, as a shell splits it
     */
    public static void main(String[] args) {
        // Before the first logger exists, so before parsing: slf4j-simple reads its level once. A -D on the
        // command line wins.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", List.of(args).contains("--verbose") ? "info" : "warn");
        }
        System.exit(Cli.commandLine(System.getenv()).execute(args));
    }
}
