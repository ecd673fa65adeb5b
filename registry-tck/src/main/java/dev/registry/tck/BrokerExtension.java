package dev.registry.tck;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker shared by the tests of one class: started before the first, closed after the last. Register it as
 * a static field, {@code @RegisterExtension static final BrokerExtension<Broker> NATS = new
 * BrokerExtension<>(Brokers::nats);}, so a transport's contract subclass needs nothing but its
 * {@code newPubsub()}; a class that kills or pauses the broker asks for a process,
 * {@code BrokerExtension<LocalServer>} of {@code Brokers::natsProcess}. JUnit calls it from one thread at a time.
 *
 * @param <B> what the starter returns: a {@link Broker}, or a {@link LocalServer} to signal
 */
public final class BrokerExtension<B extends Broker> implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<B> starter;
    private B server;

    /** An extension that starts its broker with {@code starter}, such as {@code Brokers::nats}. */
    public BrokerExtension(Supplier<B> starter) {
        this.starter = starter;
    }

    /** The running broker. */
    public B server() {
        if (server == null) {
            throw new IllegalStateException("the broker starts before the first test of the class");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
