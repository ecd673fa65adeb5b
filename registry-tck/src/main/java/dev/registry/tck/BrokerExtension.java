package dev.registry.tck;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A broker process shared by the tests of one class: started before the first, closed after the last.
 * Register it as a static field, {@code @RegisterExtension static final BrokerExtension NATS = new
 * BrokerExtension(NatsServer::start);}, so a transport's contract subclass needs nothing but its
 * {@code newPubsub()}.
 */
public final class BrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<LocalServer> starter;
    private LocalServer server;

    public BrokerExtension(Supplier<LocalServer> starter) {
        this.starter = starter;
    }

    /** The running broker. */
    public LocalServer server() {
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
