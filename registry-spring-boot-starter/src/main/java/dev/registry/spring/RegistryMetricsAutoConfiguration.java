package dev.registry.spring;

import dev.registry.Registry;
import dev.registry.micrometer.RegistryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The registry's Micrometer meters ({@link RegistryMetrics}, a {@code MeterBinder} that Spring Boot binds to
 * the application's meter registries), when Micrometer is on the class path: they show under
 * {@code /actuator/metrics}. Events ({@code registry.events}) are counted when the discovery client's
 * {@link ServiceCatalog} observes every service anyway, never at the cost of observing everything for them alone.
 */
@AutoConfiguration(after = {RegistryAutoConfiguration.class, RegistryDiscoveryAutoConfiguration.class})
@ConditionalOnClass({MeterRegistry.class, RegistryMetrics.class})
@ConditionalOnBean(Registry.class)
public class RegistryMetricsAutoConfiguration {

    /** The binder; closed with the context (it stops counting events, the registry closes by itself). */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RegistryMetrics registryMetrics(Registry registry, ObjectProvider<ServiceCatalog> catalog) {
        return new RegistryMetrics(registry, Tags.empty(), catalog.getIfAvailable() != null);
    }
}
