package dev.registry.spring;

import java.util.Locale;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplierBuilder;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.core.env.Environment;

/**
 * Lays Spring Cloud LoadBalancer's own suppliers over the registry's, as its
 * {@code spring.cloud.loadbalancer.configurations} property (or {@code spring.cloud.loadbalancer.clients.<name>.configurations})
 * asks: the same values as the load balancer's own configuration, with the registry's watch as the source
 * instead of a discovery client polled through a cache. Stateless.
 */
final class LoadBalancerChain {

    private static final String PREFIX = "spring.cloud.loadbalancer.";

    private LoadBalancerChain() {
    }

    /**
     * Adds to {@code builder} the supplier the configuration names in {@code environment}, the load balancer's
     * context for one service.
     *
     * @throws IllegalStateException for a configuration this starter does not combine with the registry
     */
    static ServiceInstanceListSupplierBuilder decorate(ServiceInstanceListSupplierBuilder builder, Environment environment) {
        String name = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        String configuration = environment.getProperty(PREFIX + "clients." + name + ".configurations",
                environment.getProperty(PREFIX + "configurations", "default"));
        switch (configuration.strip().toLowerCase(Locale.ROOT)) {
            case "default":
                return builder;
            case "zone-preference":
                return builder.withZonePreference();
            case "weighted":
                return builder.withWeighted();
            case "health-check":
                return builder.withBlockingRestClientHealthChecks();
            case "same-instance-preference":
                return builder.withSameInstancePreference();
            case "request-based-sticky-session":
                return builder.withRequestBasedStickySession();
            case "subset":
                return builder.withSubset();
            default:
                throw new IllegalStateException("spring.cloud.loadbalancer.configurations='" + configuration
                        + "' is not combined with the registry's instance list; use default, zone-preference, weighted,"
                        + " health-check, same-instance-preference, request-based-sticky-session or subset,"
                        + " or define your own ServiceInstanceListSupplier bean");
        }
    }
}
