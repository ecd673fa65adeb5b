package dev.registry.tck;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Where {@link Brokers#nats()} and {@link Brokers#redis()} get their brokers: containers or local binaries. */
enum BrokerSource {

    /** Containers of the official images, when a Docker engine is reachable. */
    TESTCONTAINERS("Testcontainers"),

    /** nats-server and redis-server processes on this machine ({@link LocalServer}). */
    LOCAL_BINARIES("local binaries (no Docker engine)");

    private final String description;

    BrokerSource(String description) {
        this.description = description;
    }

    /** Containers whenever {@code dockerAvailable} says a Docker engine answers, local binaries otherwise. */
    static BrokerSource choose(BooleanSupplier dockerAvailable) {
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : LOCAL_BINARIES;
    }

    /** The line printed when the choice is made, e.g. {@code test brokers: Testcontainers}. */
    String announcement() {
        return "test brokers: " + description;
    }

    /**
     * The choice of one test JVM: made on first use (asking for Docker costs a connection attempt, which tests
     * that start no broker should not pay), printed then, and the same ever after. Thread-safe.
     */
    static final class Choice {

        private final BooleanSupplier dockerAvailable;
        private final Consumer<String> printer;
        private BrokerSource chosen;

        Choice(BooleanSupplier dockerAvailable, Consumer<String> printer) {
            this.dockerAvailable = dockerAvailable;
            this.printer = printer;
        }

        synchronized BrokerSource get() {
            if (chosen == null) {
                chosen = choose(dockerAvailable);
                printer.accept(chosen.announcement());
            }
            return chosen;
        }
    }
}
