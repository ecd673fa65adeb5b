package dev.registry.spring;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The application's {@link Registry}, connected to {@code registry.url} with the {@code registry.*} options,
 * closed with the application context. Backs off when the application defines its own {@code Registry} bean
 * (then the health indicator, which watches the starter's own connection, is not created either); off with
 * {@code registry.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "registry", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryAutoConfiguration {

    /** The connection to the bus, watched for health; owned and closed by the registry. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(Registry.class)
    public RegistryBus registryBus(RegistryProperties properties) {
        return RegistryBus.connect(properties.getUrl());
    }

    /** The registry on {@code bus}, with the properties' options, then the customizers'. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Registry registry(RegistryBus bus, RegistryProperties properties,
                             ObjectProvider<RegistryOptionsCustomizer> customizers) {
        try {
            RegistryOptions.Builder options = properties.applyTo(RegistryOptions.builder());
            customizers.orderedStream().forEach(customizer -> customizer.customize(options));
            return Registry.connect(bus.pubsub(), options.build());
        } catch (RuntimeException invalid) {
            bus.pubsub().close();
            throw invalid;
        }
    }
}
