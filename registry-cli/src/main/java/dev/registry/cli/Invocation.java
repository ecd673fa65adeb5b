package dev.registry.cli;

import dev.registry.Registry;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * What a command runs with: the registry connected to the bus, the bus's description, the parsed arguments,
 * and where to print (results on {@code out}, progress and errors on {@code err}).
 */
record Invocation(Registry registry, Bus bus, Arguments arguments, PrintStream out, PrintStream err) {

    /** Exit status of a command that ran until the process was stopped: 128 + SIGINT, as shells report it. */
    static final int STOPPED = 130;

    boolean json() {
        return arguments.has("--json");
    }

    /**
     * Blocks the calling thread until the process is stopped (Ctrl-C, SIGTERM): the JVM then runs the shutdown
     * hooks and exits with the signal's status, 130 or 143.
     */
    int untilStopped() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return STOPPED;
    }
}
