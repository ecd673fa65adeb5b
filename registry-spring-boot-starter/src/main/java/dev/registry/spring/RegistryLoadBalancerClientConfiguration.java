package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The configuration of each load-balanced service's context (Spring Cloud LoadBalancer makes one per service
 * name): its instance list is the registry's, fed by a watch, and decorated as
 * {@code spring.cloud.loadbalancer.configurations} asks (see {@link LoadBalancerChain}). Registered for every
 * service by {@link RegistryLoadBalancerAutoConfiguration}, before the load balancer's own configuration, whose
 * instance lists then back off; a {@code ServiceInstanceListSupplier} of a service's own
 * {@code @LoadBalancerClient} configuration wins over this one.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryLoadBalancerClientConfiguration {

    /** The registry's instance list for the context's service, with the configured decorators. */
    @Bean
    @ConditionalOnMissingBean
    public ServiceInstanceListSupplier registryServiceInstanceListSupplier(ConfigurableApplicationContext context,
                                                                           Registry registry) {
        String serviceId = context.getEnvironment().getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        return LoadBalancerChain.decorate(ServiceInstanceListSupplier.builder()
                .withBase(new RegistryServiceInstanceListSupplier(registry, serviceId)), context.getEnvironment())
                .build(context);
    }
}
