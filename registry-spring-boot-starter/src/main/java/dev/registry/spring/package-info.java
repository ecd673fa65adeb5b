/**
 * Spring Boot and Spring Cloud starter: with it on the class path and {@code registry.url} set, an application
 * gets a {@link dev.registry.Registry} bean, Spring Cloud's {@code DiscoveryClient}, {@code ReactiveDiscoveryClient}
 * and {@code ServiceRegistry} over it, registers itself once its web server listens, calls other services by name
 * through Spring Cloud LoadBalancer with instance lists pushed by the registry, and has a {@code registry} health
 * indicator and Micrometer meters. Every bean backs off when the application defines its own.
 */
package dev.registry.spring;
