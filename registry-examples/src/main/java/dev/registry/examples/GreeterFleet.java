package dev.registry.examples;

/**
 * The demo's greeter instances, numbered from 1: in this JVM on the in-memory bus ({@link InProcessFleet}),
 * or each in a process of its own on a real bus ({@link ProcessFleet}). Every instance registers itself when
 * it starts and unregisters when it is stopped.
 */
interface GreeterFleet extends AutoCloseable {

    /** Where the instances run, for the demo to print. */
    String where();

    /** How an instance is stopped, for the demo to print. */
    String howStopped();

    /** Starts instance {@code number}, which registers itself. */
    void start(int number);

    /** Stops instance {@code number} (see {@link #howStopped()}), which unregisters itself. */
    void stop(int number);

    /** Stops every instance still running. Idempotent. */
    @Override
    void close();
}
