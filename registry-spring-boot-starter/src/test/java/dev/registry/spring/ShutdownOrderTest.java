package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registry.Registry;
import dev.registry.ServiceEvent;
import dev.registry.Subscription;
import dev.registry.spring.testapp.TestApplication;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A real application closing: it unregisters first, and its web server still answers after callers have heard
 * of it, for the drain delay, before the graceful shutdown.
 */
class ShutdownOrderTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    @Test
    void unregistersBeforeTheWebServerStopsAccepting() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class).run(
                "--server.port=0", "--spring.application.name=draining", "--registry.registration.host=127.0.0.1",
                "--registry.url=" + Brokers.natsUrl(NATS.server()), "--registry.unregister-on-shutdown=false",
                "--registry.registration.drain-delay=400ms", "--spring.main.banner-mode=off");
        String port = app.getEnvironment().getProperty("local.server.port");
        RestClient client = RestClient.create("http://127.0.0.1:" + port);
        try (Registry caller = Registry.connect(Brokers.natsUrl(NATS.server()))) {
            CompletableFuture<Long> unregisteredAt = new CompletableFuture<>();
            Subscription observing = caller.observe("draining", event -> {
                if (event.type() == ServiceEvent.Type.UNREGISTERED) {
                    unregisteredAt.complete(System.nanoTime());
                }
            });
            assertThat(caller.getServices("draining")).hasSize(1);
            assertThat(client.get().uri("/hello").retrieve().body(String.class)).startsWith("hello from draining");

            long closing = System.nanoTime();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);
            long unregistered = unregisteredAt.get(5, TimeUnit.SECONDS);
            assertThat(closed).as("still shutting down when callers hear of it").isNotDone();
            assertThat(client.get().uri("/hello").retrieve().body(String.class))
                    .as("answered after callers heard of the unregistration").startsWith("hello from draining");
            long answered = System.nanoTime();
            closed.get(10, TimeUnit.SECONDS);
            long stopped = System.nanoTime();
            System.out.printf("close began; callers heard UNREGISTERED after %d ms, a request after that was answered"
                    + " at %d ms; the server stopped after %d ms%n", Duration.ofNanos(unregistered - closing).toMillis(),
                    Duration.ofNanos(answered - closing).toMillis(), Duration.ofNanos(stopped - closing).toMillis());
            assertThatThrownBy(() -> client.get().uri("/hello").retrieve().body(String.class))
                    .as("the server is stopped once the context is closed");
            observing.close();
        } finally {
            app.close();
        }
    }
}
