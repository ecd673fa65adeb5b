package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Makes the registry the source of every Spring Cloud LoadBalancer instance list ({@code http://greeter/...}
 * through a {@code @LoadBalanced} client), pushed by the registry instead of polled from a discovery client
 * through the load balancer's 35-second cache. Off with {@code spring.cloud.loadbalancer.enabled=false} or
 * {@code spring.cloud.discovery.enabled=false}.
 */
@AutoConfiguration(after = RegistryAutoConfiguration.class)
@ConditionalOnClass(ServiceInstanceListSupplier.class)
@ConditionalOnDiscoveryEnabled
@ConditionalOnBean(Registry.class)
@ConditionalOnProperty(name = "spring.cloud.loadbalancer.enabled", matchIfMissing = true)
@LoadBalancerClients(defaultConfiguration = RegistryLoadBalancerClientConfiguration.class)
public class RegistryLoadBalancerAutoConfiguration {
}
