package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code registry} health indicator, when Spring Boot's health support is on the class path (the actuator
 * brings it) and the starter made the registry; off with {@code management.health.registry.enabled=false}.
 */
@AutoConfiguration(after = RegistryAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Registry.class, RegistryBus.class})
@ConditionalOnEnabledHealthIndicator("registry")
public class RegistryHealthAutoConfiguration {

    /** The bus's health, under the name {@code registry}. */
    @Bean
    @ConditionalOnMissingBean(name = "registryHealthIndicator")
    public RegistryHealthIndicator registryHealthIndicator(RegistryBus bus, Registry registry) {
        return new RegistryHealthIndicator(bus, registry);
    }
}
