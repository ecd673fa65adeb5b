package dev.registry.cli;

import dev.registry.Registry;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * What a command runs with: the registry connected to the bus, the bus's description, and where to print
 * (results on {@code out}, progress and errors on {@code err}).
 *
 * @param registry the registry, connected to the bus; closed when the command returns
 * @param bus where the registry is connected, for messages
 * @param out where results go
 * @param err where progress and errors go
 */
record Invocation(Registry registry, Bus bus, PrintWriter out, PrintWriter err) {

    /** Exit status of a command that ran until the process was stopped: 128 + SIGINT, as shells report it. */
    static final int STOPPED = 130;

    /**
     * Blocks the calling thread until the process is stopped (Ctrl-C, SIGTERM): the JVM then runs the shutdown
     * hooks and exits with the signal's status, 130 or 143.
     *
     * @return {@link #STOPPED}, should the thread be interrupted instead
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
