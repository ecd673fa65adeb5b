package dev.registry.spring;

import dev.registry.Registry;
import dev.registry.RegistryStats;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The actuator's {@code registry} health: UP while the bus answers, DOWN with the reason while the connection
 * is lost (the transport reconnecting) or the bus is stalled (no answer to a round trip within the registry's
 * stall threshold, 1 s by default, as a paused or overloaded broker whose connection still looks open). Details:
 * the bus URL (credentials masked), the main topic, cached instances and this application's registrations.
 *
 * <p>Thread-safe; a check waits at most the stall threshold.
 */
public class RegistryHealthIndicator extends AbstractHealthIndicator {

    private final RegistryBus bus;
    private final Registry registry;

    /** Health of {@code registry} on {@code bus}. */
    public RegistryHealthIndicator(RegistryBus bus, Registry registry) {
        super("Registry health check failed");
        this.bus = bus;
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        RegistryStats stats = registry.stats();
        builder.withDetail("url", bus.url()).withDetail("mainTopic", registry.options().mainTopic())
                .withDetail("cachedInstances", stats.cacheSize())
                .withDetail("registrations", registry.registrations().size());
        bus.problem(registry.options().stallThreshold()).ifPresentOrElse(
                problem -> builder.down().withDetail("reason", problem),
                builder::up);
    }
}
