package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.CommonsClientAutoConfiguration;
import org.springframework.cloud.client.ConditionalOnBlockingDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnReactiveDiscoveryEnabled;
import org.springframework.cloud.client.ReactiveCommonsClientAutoConfiguration;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * The registry as Spring Cloud's {@code DiscoveryClient} and {@code ReactiveDiscoveryClient}, guarded as Spring
 * Cloud's own discovery starters are: off with {@code spring.cloud.discovery.enabled=false}, the blocking client
 * off with {@code spring.cloud.discovery.blocking.enabled=false}, the reactive one with
 * {@code spring.cloud.discovery.reactive.enabled=false}; each backs off when the application defines its own.
 */
@AutoConfiguration(after = RegistryAutoConfiguration.class, before = {SimpleDiscoveryClientAutoConfiguration.class,
        CommonsClientAutoConfiguration.class, SimpleReactiveDiscoveryClientAutoConfiguration.class,
        ReactiveCommonsClientAutoConfiguration.class})
@ConditionalOnDiscoveryEnabled
@ConditionalOnBean(Registry.class)
public class RegistryDiscoveryAutoConfiguration {

    /** The names on the main topic, shared by both clients; observes every name until the context closes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ServiceCatalog registryServiceCatalog(Registry registry) {
        return ServiceCatalog.start(registry);
    }

    /** The blocking client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBlockingDiscoveryEnabled
    static class Blocking {

        @Bean
        @ConditionalOnMissingBean
        RegistryDiscoveryClient registryDiscoveryClient(Registry registry, ServiceCatalog catalog) {
            return new RegistryDiscoveryClient(registry, catalog);
        }
    }

    /** The reactive client, when Reactor is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnReactiveDiscoveryEnabled
    @ConditionalOnClass(Flux.class)
    static class Reactive {

        @Bean
        @ConditionalOnMissingBean
        RegistryReactiveDiscoveryClient registryReactiveDiscoveryClient(Registry registry, ServiceCatalog catalog) {
            return new RegistryReactiveDiscoveryClient(registry, catalog);
        }
    }
}
