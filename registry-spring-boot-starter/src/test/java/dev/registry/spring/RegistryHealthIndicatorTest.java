package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registry.tck.Await;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import dev.registry.tck.LocalServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bus's health through a broker that freezes, dies and comes back: a nats-server of this class's own. */
class RegistryHealthIndicatorTest {

    /** A process even where Docker runs: the test pauses, kills and restarts it (see Brokers). */
    @RegisterExtension
    static final BrokerExtension<LocalServer> NATS = new BrokerExtension<>(Brokers::natsProcess);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RegistryAutoConfiguration.class, RegistryHealthAutoConfiguration.class))
            .withPropertyValues("registry.url=nats://user:secret@127.0.0.1:" + NATS.server().port(),
                    "registry.watchdog-period=100ms", "registry.stall-threshold=300ms");

    @Test
    void upWhileTheBusAnswersDownWithTheReasonWhileItDoesNot() {
        runner.run(context -> {
            RegistryHealthIndicator indicator = context.getBean(RegistryHealthIndicator.class);
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("url", "nats://***@127.0.0.1:" + NATS.server().port())
                    .containsEntry("mainTopic", "registry").containsKeys("cachedInstances", "registrations");

            NATS.server().pause();
            try {
                long start = System.nanoTime();
                Health stalled = indicator.health();
                long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                System.out.printf("health check of a paused broker: %s after %d ms%n", stalled.getStatus(), tookMillis);
                assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
                assertThat(stalled.getDetails().get("reason")).asString().startsWith("stalled");
                assertThat(tookMillis).as("bounded by the stall threshold, 300 ms, plus slack").isLessThan(2_000);
            } finally {
                NATS.server().resume();
            }
            Await.until("UP once resumed", () -> indicator.health().getStatus().equals(Status.UP));

            NATS.server().kill();
            Await.until("DOWN, disconnected", () -> String.valueOf(indicator.health().getDetails().get("reason"))
                    .startsWith("disconnected"));
            NATS.server().restart();
            Await.until("UP once reconnected", Duration.ofSeconds(15),
                    () -> indicator.health().getStatus().equals(Status.UP));
        });
    }
}
